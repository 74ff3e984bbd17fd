package org.hafnia.solver.integrators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.hafnia.meshes.AxisBoundary;
import org.hafnia.meshes.BoundaryCondition;
import org.hafnia.meshes.BoundaryConditions2D;
import org.hafnia.physics.energy.DoubleWellEnergy;
import org.junit.jupiter.api.Test;

class ForwardEulerAllenCahn2DTest {

    private static AllenCahnModel2D model(BoundaryConditions2D bc) {
        return new AllenCahnModel2D(AllenCahnModel2D.publishedGrid(51, 58), bc, new DoubleWellEnergy(2.9, -0.17), 0.05, 1, true);
    }

    @Test
    void stepBeyondTheExplicitLimitIsRefusedWithTheLimit() {
        AllenCahnModel2D m = model(BoundaryConditions2D.zeroFlux());
        double limit = ForwardEulerAllenCahn2D.stableTimeStep(m);
        assertThatThrownBy(() -> new ForwardEulerAllenCahn2D(m, 2 * limit, StepControl.REFUSE, 1))
                .isInstanceOf(UnstableTimeStepException.class)
                .hasMessageContaining("breaks the explicit stability limit")
                .hasMessageContaining(String.format(java.util.Locale.ROOT, "%.6g", limit))
                .satisfies(e -> assertThat(((UnstableTimeStepException) e).limit()).isEqualTo(limit));
    }

    @Test
    void publishedRunIsInsideTheLimit() {
        // physics.md §1.1: 4·K·Nx·Ny·Δt = 0.296 for the diffusion part.
        AllenCahnModel2D m = model(BoundaryConditions2D.zeroFlux());
        double diffusion = 0.0005 * 2 * m.kappa() * (2 / (m.grid().dx() * m.grid().dx()));
        assertThat(diffusion).isCloseTo(4 * 0.05 * 51 * 58 * 0.0005, org.assertj.core.api.Assertions.within(1e-12));
        try (ForwardEulerAllenCahn2D s = new ForwardEulerAllenCahn2D(m, 0.0005, StepControl.REFUSE, 1)) {
            assertThat(s.stabilityNumber()).isLessThan(1);
            assertThat(s.substeps()).isEqualTo(1);
        }
    }

    @Test
    void subSteppingEqualsTheSameNumberOfSmallSteps() {
        AllenCahnModel2D m = model(BoundaryConditions2D.zeroFlux());
        double limit = ForwardEulerAllenCahn2D.stableTimeStep(m);
        double[] a = new SplittableRandom(5).doubles(m.grid().size(), 0, 1).toArray();
        double[] b = a.clone();
        try (ForwardEulerAllenCahn2D big = new ForwardEulerAllenCahn2D(m, 2.5 * limit, StepControl.SUBSTEP, 1);
             ForwardEulerAllenCahn2D small = new ForwardEulerAllenCahn2D(m, 2.5 * limit / 3, StepControl.REFUSE, 1)) {
            assertThat(big.substeps()).isEqualTo(3);
            big.advance(a, 4, 3.0, null);
            small.advance(b, 12, 3.0, null);
        }
        assertThat(a).containsExactly(b);
    }

    @Test
    void resultIsIdenticalForAnyThreadCount() {
        BoundaryConditions2D[] cases = {BoundaryConditions2D.zeroFlux(), BoundaryConditions2D.periodic(),
            new BoundaryConditions2D(AxisBoundary.periodic(),
                    new AxisBoundary(BoundaryCondition.dirichlet(0), BoundaryCondition.dirichlet(1)))};
        for (BoundaryConditions2D bc : cases) {
            AllenCahnModel2D m = model(bc);
            double[] start = new SplittableRandom(11).doubles(m.grid().size(), 0, 1).toArray();
            double[] profile = new SplittableRandom(12).doubles(m.grid().size(), 0, 2).toArray();
            double[] reference = null;
            for (int threads : new int[] {1, 2, 3, 8}) {
                double[] phi = start.clone();
                try (ForwardEulerAllenCahn2D s = new ForwardEulerAllenCahn2D(m, 0.0005, StepControl.REFUSE, threads)) {
                    s.advance(phi, 25, 10.0, profile);
                }
                if (reference == null) {
                    reference = phi;
                } else {
                    assertThat(phi).as("%d threads, %s", threads, bc).containsExactly(reference);
                }
            }
        }
    }

    @Test
    void uniformBiasEqualsAUnitProfile() {
        AllenCahnModel2D m = model(BoundaryConditions2D.zeroFlux());
        double[] a = new SplittableRandom(2).doubles(m.grid().size(), 0, 1).toArray();
        double[] b = a.clone();
        double[] ones = new double[a.length];
        java.util.Arrays.fill(ones, 1.0);
        try (ForwardEulerAllenCahn2D s = new ForwardEulerAllenCahn2D(m, 0.0005, StepControl.REFUSE, 1)) {
            s.advance(a, 10, 30, null);
            s.advance(b, 10, 30, ones);
        }
        assertThat(a).containsExactly(b);
    }

    @Test
    void clippingKeepsPhiInTheUnitInterval() {
        AllenCahnModel2D m = model(BoundaryConditions2D.zeroFlux());
        double[] phi = new SplittableRandom(9).doubles(m.grid().size(), 0, 1).toArray();
        try (ForwardEulerAllenCahn2D s = new ForwardEulerAllenCahn2D(m, 0.0005, StepControl.REFUSE, 1)) {
            s.advance(phi, 20, 500, null);
        }
        assertThat(java.util.Arrays.stream(phi).min().orElseThrow()).isGreaterThanOrEqualTo(0.0);
        assertThat(java.util.Arrays.stream(phi).max().orElseThrow()).isLessThanOrEqualTo(1.0);
    }
}
