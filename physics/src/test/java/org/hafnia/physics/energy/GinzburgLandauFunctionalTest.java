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
            // F is a polynomial of degree 4 in φ_k: central-difference error h² F'''/6 is ~1e-11;
            // round-off of F (~1) over 2h gives ~1e-10 after dividing by ΔA = 0.06.
            assertGradientIsTheRightHandSide(F::energy, g.cellArea(), phi, lap, bulk, kappa, 1e-7, bc.toString());
        }
    }

    /**
     * (1/ΔV) ∂F/∂φ_k by central differences (step 1e-6) equals f'(φ_k) − κ (∇²_h φ)_k at every node.
     */
    static void assertGradientIsTheRightHandSide(java.util.function.ToDoubleFunction<double[]> energy, double cellMeasure,
                                                 double[] phi, double[] lap, DoubleWellEnergy bulk, double kappa,
                                                 double tolerance, String label) {
        double h = 1e-6;
        for (int k = 0; k < phi.length; k++) {
            double[] p = phi.clone();
            p[k] += h;
            double fp = energy.applyAsDouble(p);
            p[k] -= 2 * h;
            double fm = energy.applyAsDouble(p);
            double dF = (fp - fm) / (2 * h) / cellMeasure;
            assertThat(dF).as("%s node %d", label, k).isCloseTo(bulk.derivative(phi[k]) - kappa * lap[k], within(tolerance));
        }
    }
}
