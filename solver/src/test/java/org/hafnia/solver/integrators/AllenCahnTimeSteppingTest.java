package org.hafnia.solver.integrators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.hafnia.meshes.BoundaryConditions2D;
import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.physics.energy.DoubleWellEnergy;
import org.hafnia.physics.energy.GinzburgLandauFunctional;
import org.hafnia.solver.api.OneStepMethod;
import org.junit.jupiter.api.Test;

class AllenCahnTimeSteppingTest {

    private static final Grid2D GRID = new Grid2D(40, 30, 0.1, 0.1, LengthUnit.REDUCED);

    private static double[] noisyField(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] c = new double[GRID.size()];
        for (int p = 0; p < c.length; p++) {
            c[p] = 0.5 + 0.4 * (r.nextDouble() - 0.5);
        }
        return c;
    }

    private static AllenCahnModel2D doubleWell(boolean clip) {
        return new AllenCahnModel2D(GRID, BoundaryConditions2D.zeroFlux(), new DoubleWellEnergy(1, -0.2), 0.01, 1, clip);
    }

    /**
     * Linear Allen–Cahn (f = αφ²/2, no clipping) with zero-flux faces: the cell-centred cosine
     * mode cos(π m (i+½)/nx) is an exact eigenvector of the 5-point Laplacian with eigenvalue
     * −(4/dx²) sin²(π m/(2 nx)), so φ(t) = φ(0) e^{−L(α + κλ)t} exactly in space. Adaptive Δt
     * must keep the global error below the summed local tolerance and refine with it.
     */
    @Test
    void adaptiveExplicitStepMeetsToleranceOnExactLinearSolution() {
        double alpha = 1.0;
        double kappa = 0.01;
        int mode = 2;
        AllenCahnModel2D model = new AllenCahnModel2D(GRID, BoundaryConditions2D.zeroFlux(), new QuadraticEnergy(alpha),
                kappa, 1, false);
        double lambda = 4 / (GRID.dx() * GRID.dx()) * Math.pow(Math.sin(Math.PI * mode / (2 * GRID.nx())), 2);
        double rate = alpha + kappa * lambda;
        double tEnd = 2 / rate;
        double[] phi0 = new double[GRID.size()];
        for (int p = 0; p < phi0.length; p++) {
            phi0[p] = 0.3 * Math.cos(Math.PI * mode * ((p % GRID.nx()) + 0.5) / GRID.nx());
        }
        double decay = Math.exp(-rate * tEnd);
        try (ForwardEulerAllenCahn2D fe = new ForwardEulerAllenCahn2D(model, 1e-4, StepControl.REFUSE, 1)) {
            OneStepMethod method = fe.asOneStep(0, null);
            double[] err = new double[2];
            double[] tol = {1e-4, 1e-6};
            for (int run = 0; run < 2; run++) {
                AdaptiveTimeStepper stepper = new AdaptiveTimeStepper(method, tol[run], 1e-3, 1e-12, 1);
                double[] phi = phi0.clone();
                stepper.advance(phi, 0, tEnd);
                for (int p = 0; p < phi.length; p++) {
                    err[run] = Math.max(err[run], Math.abs(phi[p] - phi0[p] * decay));
                }
                assertThat(stepper.largestAcceptedError()).isLessThanOrEqualTo(tol[run]);
                assertThat(err[run]).isLessThanOrEqualTo(stepper.acceptedSteps() * tol[run]);
            }
            assertThat(err[0] / err[1]).isBetween(5.0, 20.0);
        }
    }

    /** With a loose tolerance the controller wants huge steps; the explicit scheme must stay at its limit. */
    @Test
    void adaptiveExplicitStepNeverExceedsTheStabilityLimit() {
        AllenCahnModel2D model = doubleWell(true);
        try (ForwardEulerAllenCahn2D fe = new ForwardEulerAllenCahn2D(model, 1e-5, StepControl.REFUSE, 1)) {
            OneStepMethod method = fe.asOneStep(0.5, null);
            double limit = method.stableStepLimit();
            AdaptiveTimeStepper stepper = new AdaptiveTimeStepper(method, 10.0, 1.0, 1e-12, 1.0);
            double[] phi = noisyField(6);
            double tEnd = 20 * limit;
            stepper.advance(phi, 0, tEnd);
            assertThat(stepper.acceptedSteps()).isGreaterThanOrEqualTo(20);
            assertThat(Arrays.stream(phi).min().orElseThrow()).isGreaterThanOrEqualTo(0.0);
            assertThat(Arrays.stream(phi).max().orElseThrow()).isLessThanOrEqualTo(1.0);
            assertThatThrownBy(() -> method.step(phi, new double[phi.length], 1.01 * limit))
                    .isInstanceOf(UnstableTimeStepException.class);
        }
    }

    /** A hotter node (Arrhenius mobility ×100) lowers the limit: refused, or sub-stepped when allowed. */
    @Test
    void mobilityFieldBeyondTheLimitIsRefusedOrSubstepped() {
        AllenCahnModel2D model = doubleWell(true);
        double dt = 0.5 * ForwardEulerAllenCahn2D.stableTimeStep(model);
        double[] hot = new double[GRID.size()];
        Arrays.fill(hot, 1);
        hot[17] = 100;
        try (ForwardEulerAllenCahn2D refuse = new ForwardEulerAllenCahn2D(model, dt, StepControl.REFUSE, 1);
             ForwardEulerAllenCahn2D split = new ForwardEulerAllenCahn2D(model, dt, StepControl.SUBSTEP, 1)) {
            assertThatThrownBy(() -> refuse.mobilityField(hot)).isInstanceOf(UnstableTimeStepException.class);
            assertThat(refuse.substeps()).isEqualTo(1);
            split.mobilityField(hot);
            // Δt / limit = 50 up to round-off in the rates, so ceil gives 50 or 51
            assertThat(split.substeps()).isBetween(50, 51);
        }
    }

    /** Noise keyed by (seed, step, node): 1 and 2 threads give bit-identical runs; a resumed counter continues exactly. */
    @Test
    void seededNoiseIsBitIdenticalAcrossThreadCountsAndResumes() {
        AllenCahnModel2D model = doubleWell(true);
        double dt = 0.5 * ForwardEulerAllenCahn2D.stableTimeStep(model);
        double[] kT = new double[GRID.size()];
        Arrays.fill(kT, 0.0259);
        double[][] results = new double[3][];
        for (int threads = 1; threads <= 2; threads++) {
            try (ForwardEulerAllenCahn2D fe = new ForwardEulerAllenCahn2D(model, dt, StepControl.REFUSE, threads)) {
                fe.noise(new org.hafnia.physics.kinetics.LangevinNoise(1234, GRID.cellArea()), kT);
                double[] phi = noisyField(7);
                fe.advance(phi, 40, 0.3, null);
                results[threads - 1] = phi;
            }
        }
        try (ForwardEulerAllenCahn2D a = new ForwardEulerAllenCahn2D(model, dt, StepControl.REFUSE, 2);
             ForwardEulerAllenCahn2D b = new ForwardEulerAllenCahn2D(model, dt, StepControl.REFUSE, 1)) {
            var noise = new org.hafnia.physics.kinetics.LangevinNoise(1234, GRID.cellArea());
            a.noise(noise, kT);
            b.noise(noise, kT);
            double[] phi = noisyField(7);
            a.advance(phi, 25, 0.3, null);
            b.stepCounter(a.stepCounter());
            b.advance(phi, 15, 0.3, null);
            results[2] = phi;
        }
        assertThat(results[1]).containsExactly(results[0]);
        assertThat(results[2]).containsExactly(results[0]);
        double[] quiet = noisyField(7);
        try (ForwardEulerAllenCahn2D fe = new ForwardEulerAllenCahn2D(model, dt, StepControl.REFUSE, 1)) {
            fe.advance(quiet, 40, 0.3, null);
        }
        assertThat(quiet).isNotEqualTo(results[0]);
    }

    @Test
    void aTimeStepNeedingMoreSubStepsThanTheWorkBoundIsRefusedWithTheCount() {
        // rate 1: the limit is Δt = 1, so Δt = 1e300 needs 1e300 sub-steps (2³¹ − 1 before the bound).
        assertThatThrownBy(() -> ExplicitStability.substeps(1e300, 1, ExplicitStability.CRITERION_2D, StepControl.SUBSTEP))
                .isInstanceOf(org.hafnia.meshes.InvalidInputException.class)
                .hasMessageContaining("needs 1.00e+300 stable sub-steps").hasMessageContaining("1000000 allowed");
        // At the bound itself it is accepted.
        assertThat(ExplicitStability.substeps(ExplicitStability.MAX_SUBSTEPS, 1, ExplicitStability.CRITERION_2D,
                StepControl.SUBSTEP)).isEqualTo((int) ExplicitStability.MAX_SUBSTEPS);
    }
}
