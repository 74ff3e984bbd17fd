package org.hafnia.physics.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.hafnia.meshes.AxisBoundary;
import org.hafnia.meshes.BoundaryCondition;
import org.hafnia.meshes.BoundaryConditions2D;
import org.hafnia.meshes.FiniteDifferenceLaplacian;
import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.LengthUnit;
import org.junit.jupiter.api.Test;

class GinzburgLandauFunctionalTest {

    /**
     * The variational derivative of the discrete F must be f'(φ) − κ∇²_h φ node by node, for
     * each kind of boundary, so that the explicit flow is a gradient flow of F.
     */
    @Test
    void gradientOfTheDiscreteEnergyIsTheAllenCahnRightHandSide() {
        Grid2D g = new Grid2D(7, 5, 0.3, 0.2, LengthUnit.REDUCED);
        DoubleWellEnergy bulk = new DoubleWellEnergy(1.0, -0.2);
        double kappa = 0.07;
        BoundaryConditions2D[] cases = {
            BoundaryConditions2D.zeroFlux(),
            BoundaryConditions2D.periodic(),
            new BoundaryConditions2D(new AxisBoundary(BoundaryCondition.dirichlet(0.1), BoundaryCondition.dirichlet(0.9)),
                    AxisBoundary.periodic()),
        };
        double[] phi = new SplittableRandom(3).doubles(g.size(), 0, 1).toArray();
        for (BoundaryConditions2D bc : cases) {
            GinzburgLandauFunctional F = new GinzburgLandauFunctional(g, bc, bulk, kappa);
            double[] lap = new double[g.size()];
            FiniteDifferenceLaplacian.apply(g, bc, phi, lap);
            for (int k = 0; k < phi.length; k++) {
                double h = 1e-6;
                double[] p = phi.clone();
                p[k] += h;
                double fp = F.energy(p);
                p[k] -= 2 * h;
                double fm = F.energy(p);
                double dF = (fp - fm) / (2 * h) / g.cellArea();
                // F is a polynomial of degree 4 in φ_k: central-difference error h² F'''/6 is ~1e-11;
                // round-off of F (~1) over 2h gives ~1e-10 after dividing by ΔA = 0.06.
                assertThat(dF).as("%s node %d", bc, k)
                        .isCloseTo(bulk.derivative(phi[k]) - kappa * lap[k], within(1e-7));
            }
        }
    }
}
