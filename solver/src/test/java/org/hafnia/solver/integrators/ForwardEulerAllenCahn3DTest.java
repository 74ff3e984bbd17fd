package org.hafnia.solver.integrators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.hafnia.meshes.AxisBoundary;
import org.hafnia.meshes.BoundaryConditions2D;
import org.hafnia.meshes.BoundaryConditions3D;
import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.Grid3D;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.physics.energy.DoubleWellEnergy;
import org.hafnia.physics.energy.GinzburgLandauFunctional3D;
import org.junit.jupiter.api.Test;

class ForwardEulerAllenCahn3DTest {

    private static final DoubleWellEnergy ENERGY = new DoubleWellEnergy(0.2, -0.05);

    private static AllenCahnModel3D model(int nz) {
        return new AllenCahnModel3D(new Grid3D(12, 10, nz, 1.0, 0.8, 0.5, LengthUnit.REDUCED),
                BoundaryConditions3D.zeroFlux(), ENERGY, 0.3, 2.0, true);
    }

    @Test
    void stabilityLimitCountsAllThreeAxes() {
        AllenCahnModel3D m = model(4);
        double rate = 2.0 * (2 * 0.3 * (1 / 1.0 + 1 / 0.64 + 1 / 0.25) + ENERGY.maxCurvature());
        assertThat(ForwardEulerAllenCahn3D.stableTimeStep(m)).isCloseTo(1 / rate, org.assertj.core.data.Offset.offset(1e-15 / rate));
    }

    @Test
    void refusesAnUnstableStepAndNamesTheLimit() {
        AllenCahnModel3D m = model(4);
        double limit = ForwardEulerAllenCahn3D.stableTimeStep(m);
        assertThatThrownBy(() -> new ForwardEulerAllenCahn3D(m, 1.5 * limit, StepControl.REFUSE, 1))
                .isInstanceOf(UnstableTimeStepException.class)
                .hasMessageContaining("1/dz²")
                .hasMessageContaining(String.format(java.util.Locale.ROOT, "%.6g", limit));
        try (ForwardEulerAllenCahn3D s = new ForwardEulerAllenCahn3D(m, 2.5 * limit, StepControl.SUBSTEP, 1)) {
            assertThat(s.substeps()).isEqualTo(3);
            assertThat(s.stabilityNumber()).isCloseTo(2.5, org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    /**
     * A field constant along z under zero-flux z faces has a zero z term, so the 3D step equals
     * the 2D step on every layer exactly (the z term adds cz·0 = 0).
     */
    @Test
    void zUniformFilmEvolvesLikeThe2DModelOnEveryLayer() {
        int nz = 3;
        AllenCahnModel3D m3 = model(nz);
        AllenCahnModel2D m2 = new AllenCahnModel2D(new Grid2D(12, 10, 1.0, 0.8, LengthUnit.REDUCED),
                new BoundaryConditions2D(AxisBoundary.zeroFlux(), AxisBoundary.zeroFlux()), ENERGY, 0.3, 2.0, true);
        double dt = 0.9 * ForwardEulerAllenCahn3D.stableTimeStep(m3);
        SplittableRandom random = new SplittableRandom(42);
        double[] layer = new double[120];
        for (int k = 0; k < layer.length; k++) {
            layer[k] = random.nextDouble();
        }
        double[] film = new double[120 * nz];
        for (int z = 0; z < nz; z++) {
            System.arraycopy(layer, 0, film, z * 120, 120);
        }
        try (ForwardEulerAllenCahn3D s3 = new ForwardEulerAllenCahn3D(m3, dt, StepControl.REFUSE, 2);
             ForwardEulerAllenCahn2D s2 = new ForwardEulerAllenCahn2D(m2, dt, StepControl.REFUSE, 2)) {
            s3.advance(film, 7, 0.1, null);
            s2.advance(layer, 7, 0.1, null);
        }
        for (int z = 0; z < nz; z++) {
            for (int k = 0; k < 120; k++) {
                assertThat(film[z * 120 + k]).as("layer %d node %d", z, k).isEqualTo(layer[k]);
            }
        }
    }

    /**
     * The 3D step is (projected) gradient descent on the discrete F of
     * {@link GinzburgLandauFunctional3D} (its gradient is the scheme's right-hand side), with
     * Δt ≤ 1/(L(2κΣ1/h² + max|f''|)) ≤ 1/(L · Lipschitz constant of ∇F) (the 7-point Laplacian's
     * eigenvalues lie in [−4Σ1/h², 0]): without bias and noise F must fall at every step.
     */
    @Test
    void theExplicitStepDecreasesThe3DFreeEnergyEveryStep() {
        AllenCahnModel3D m = model(6);
        GinzburgLandauFunctional3D f = new GinzburgLandauFunctional3D(m.grid(), m.bc(), m.energy(), m.kappa());
        double[] phi = new SplittableRandom(9).doubles(m.grid().size(), 0, 1).toArray();
        try (ForwardEulerAllenCahn3D s = new ForwardEulerAllenCahn3D(m, 0.95 * ForwardEulerAllenCahn3D.stableTimeStep(m),
                StepControl.REFUSE, 2)) {
            double e = f.energy(phi);
            double first = e;
            for (int n = 0; n < 50; n++) {
                s.advance(phi, 1, 0, null);
                double e1 = f.energy(phi);
                assertThat(e1).isLessThan(e);
                e = e1;
            }
            assertThat(e).isLessThan(0.5 * first);
        }
    }
}
