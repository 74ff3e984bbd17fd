package org.hafnia.physics.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.hafnia.meshes.AxisBoundary;
import org.hafnia.meshes.BoundaryCondition;
import org.hafnia.meshes.BoundaryConditions3D;
import org.hafnia.meshes.FiniteDifferenceLaplacian;
import org.hafnia.meshes.Grid3D;
import org.hafnia.meshes.LengthUnit;
import org.junit.jupiter.api.Test;

class GinzburgLandauFunctional3DTest {

    /**
     * The variational derivative of the discrete 3D F must be f'(φ) − κ∇²_h φ node by node (7-point
     * Laplacian), for each kind of boundary, so that the explicit 3D flow is a gradient flow of F.
     */
    @Test
    void gradientOfTheDiscreteEnergyIsTheAllenCahnRightHandSide() {
        Grid3D g = new Grid3D(5, 4, 3, 0.3, 0.2, 0.25, LengthUnit.REDUCED);
        DoubleWellEnergy bulk = new DoubleWellEnergy(1.0, -0.2);
        double kappa = 0.07;
        BoundaryConditions3D[] cases = {
            BoundaryConditions3D.zeroFlux(),
            BoundaryConditions3D.periodic(),
            new BoundaryConditions3D(AxisBoundary.zeroFlux(), AxisBoundary.periodic(),
                    new AxisBoundary(BoundaryCondition.dirichlet(0.1), BoundaryCondition.dirichlet(0.9))),
        };
        double[] phi = new SplittableRandom(3).doubles(g.size(), 0, 1).toArray();
        for (BoundaryConditions3D bc : cases) {
            GinzburgLandauFunctional3D F = new GinzburgLandauFunctional3D(g, bc, bulk, kappa);
            double[] lap = new double[g.size()];
            FiniteDifferenceLaplacian.apply(g, bc, phi, lap);
            // F is a polynomial of degree 4 in φ_k: the central-difference error h² F'''/6 is ~1e-12;
            // round-off of F (~1) over 2h is ~1e-10, ~1e-8 after dividing by ΔV = 0.015.
            GinzburgLandauFunctionalTest.assertGradientIsTheRightHandSide(F::energy, g.cellVolume(), phi, lap, bulk, kappa,
                    1e-6, bc.toString());
        }
    }

    /** A field constant along z has F3D = Lz × F2D of one layer (the z faces carry nothing). */
    @Test
    void aFieldConstantThroughTheThicknessHasTheLayerEnergyTimesTheThickness() {
        Grid3D g = new Grid3D(6, 5, 4, 0.5, 0.5, 0.5, LengthUnit.NANOMETRE);
        DoubleWellEnergy bulk = new DoubleWellEnergy(2.9, -0.17);
        double[] layer = new SplittableRandom(7).doubles(30, 0, 1).toArray();
        double[] phi = new double[g.size()];
        for (int k = 0; k < 4; k++) {
            System.arraycopy(layer, 0, phi, k * 30, 30);
        }
        double f3 = new GinzburgLandauFunctional3D(g, BoundaryConditions3D.zeroFlux(), bulk, 0.5).energy(phi);
        double f2 = new GinzburgLandauFunctional(g.layer(), org.hafnia.meshes.BoundaryConditions2D.zeroFlux(), bulk, 0.5)
                .energy(layer);
        // Sums of ~100 terms of order 1: round-off ~1e-14 relative.
        assertThat(f3).isCloseTo(4 * 0.5 * f2, within(1e-12 * Math.abs(f3)));
    }
}
