package org.hafnia.solver.integrators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.hafnia.meshes.BoundaryConditions2D;
import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.physics.energy.GinzburgLandauFunctional;
import org.hafnia.physics.energy.QuarticDoubleWell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpectralCahnHilliard2DTest {

    private static final Grid2D GRID = new Grid2D(64, 32, 1.0, 1.0, LengthUnit.REDUCED);

    private static double[] noisyField(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] c = new double[GRID.size()];
        for (int p = 0; p < c.length; p++) {
            c[p] = 0.5 + 0.05 * (r.nextDouble() - 0.5);
        }
        return c;
    }

    private static SpectralCahnHilliard2D pfhubModel() {
        return new SpectralCahnHilliard2D(GRID, QuarticDoubleWell.PFHUB, 2, 5, Double.NaN);
    }

    private static double sum(double[] c) {
        double s = 0;
        for (double v : c) {
            s += v;
        }
        return s;
    }

    /** The k = 0 mode is untouched; only FFT round-off (≈ 1e-16 per step) can move the mean. */
    @Test
    void conservesMassToRoundOffWithStepsFarBeyondTheExplicitLimit() {
        SpectralCahnHilliard2D ch = pfhubModel();
        double dt = 1.0;
        assertThat(dt).isGreaterThan(100 * ch.explicitStepLimit());
        double[] c = noisyField(1);
        double[] next = new double[c.length];
        double m0 = sum(c);
        for (int n = 0; n < 300; n++) {
            ch.step(c, next, dt);
            System.arraycopy(next, 0, c, 0, c.length);
        }
        assertThat(Math.abs(sum(c) - m0) / Math.abs(m0)).isLessThan(1e-12);
        // and it did evolve: spinodal decomposition towards cα, cβ
        assertThat(java.util.Arrays.stream(c).min().orElseThrow()).isLessThan(0.4);
    }

    /**
     * Energy stability for S ≥ L/2 (Shen & Yang 2010): F decreases at every step and any Δt, with
     * the range-adaptive S (NaN) as with the fixed S = max|f''|/2 on [0, 1].
     */
    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, 7.1})
    void freeEnergyDecreasesEveryStep(double stabilisation) {
        SpectralCahnHilliard2D ch = new SpectralCahnHilliard2D(GRID, QuarticDoubleWell.PFHUB, 2, 5, stabilisation);
        GinzburgLandauFunctional f = new GinzburgLandauFunctional(GRID, BoundaryConditions2D.periodic(), QuarticDoubleWell.PFHUB, 2);
        double[] c = noisyField(2);
        double[] next = new double[c.length];
        double e = f.energy(c);
        ch.step(c, next, 0.01);
        if (Double.isNaN(stabilisation)) {
            // c ∈ 0.5 ± 0.025 at first: |f''| ≤ 0.8 + O(0.025) there, so S ≈ 0.4, not 7.1
            assertThat(ch.stabilisation()).isLessThan(0.5);
        }
        for (double dt : new double[] {0.01, 0.1, 1, 10, 100}) {
            for (int n = 0; n < 20; n++) {
                ch.step(c, next, dt);
                System.arraycopy(next, 0, c, 0, c.length);
                double e1 = f.energy(c);
                assertThat(e1).as("energy after a step of %s", dt).isLessThanOrEqualTo(e + 1e-12 * Math.abs(e));
                e = e1;
            }
        }
    }

    /** The shared-transform step doubling must equal three plain steps (round-off only). */
    @Test
    void stepDoublingEqualsPlainSteps() {
        SpectralCahnHilliard2D ch = pfhubModel();
        double[] c = noisyField(3);
        int n = c.length;
        double[] full = new double[n];
        double[] half = new double[n];
        double[] two = new double[n];
        ch.stepDoubling(c, 0.7, full, half, two);
        double[] a = new double[n];
        double[] b = new double[n];
        double[] d = new double[n];
        ch.step(c, a, 0.7);
        ch.step(c, b, 0.35);
        ch.step(b, d, 0.35);
        for (int p = 0; p < n; p++) {
            assertThat(full[p]).isCloseTo(a[p], within(1e-14));
            assertThat(half[p]).isCloseTo(b[p], within(1e-14));
            assertThat(two[p]).isCloseTo(d[p], within(1e-14));
        }
    }

    /**
     * Linear CH (f = α c²/2) has the exact semi-discrete solution ĉ(t) = ĉ(0) e^{−Mλ(α + κλ)t} for
     * each mode, λ the 5-point symbol. With adaptive Δt the global error is at most the sum of
     * the controlled local errors (the flow is contractive), i.e. ≤ accepted steps × tol, and it
     * falls when the tolerance falls (≈ √100 = 10× for tol/100 with a first-order method).
     */
    @Test
    void adaptiveStepMeetsToleranceOnExactLinearSolution() {
        double alpha = 0.2;
        double kappa = 2;
        double m = 0.5;
        int mode = 3;
        double lambda = 4 * Math.pow(Math.sin(Math.PI * mode / GRID.nx()), 2);
        double rate = m * lambda * (alpha + kappa * lambda);
        double tEnd = 3 / rate;
        double[] errors = new double[2];
        double[] tolerances = {1e-4, 1e-6};
        for (int run = 0; run < 2; run++) {
            SpectralCahnHilliard2D ch = new SpectralCahnHilliard2D(GRID, new QuadraticEnergy(alpha), kappa, m, Double.NaN);
            AdaptiveTimeStepper stepper = new AdaptiveTimeStepper(ch, tolerances[run], 1e-3, 1e-12, 10);
            double[] c = new double[GRID.size()];
            for (int p = 0; p < c.length; p++) {
                c[p] = 0.1 * Math.cos(2 * Math.PI * mode * (p % GRID.nx()) / GRID.nx());
            }
            double[] c0 = c.clone();
            stepper.advance(c, 0, tEnd);
            double decay = Math.exp(-rate * tEnd);
            double err = 0;
            for (int p = 0; p < c.length; p++) {
                err = Math.max(err, Math.abs(c[p] - c0[p] * decay));
            }
            errors[run] = err;
            assertThat(stepper.largestAcceptedError()).isLessThanOrEqualTo(tolerances[run]);
            assertThat(err).isLessThanOrEqualTo(stepper.acceptedSteps() * tolerances[run]);
            if (run == 0) {
                // Richardson extrapolation makes the same controlled run second order: smaller error.
                SpectralCahnHilliard2D ch2 = new SpectralCahnHilliard2D(GRID, new QuadraticEnergy(alpha), kappa, m, Double.NaN);
                double[] y = c0.clone();
                new AdaptiveTimeStepper(ch2, tolerances[run], 1e-3, 1e-12, 10).extrapolate(true).advance(y, 0, tEnd);
                double errX = 0;
                for (int p = 0; p < y.length; p++) {
                    errX = Math.max(errX, Math.abs(y[p] - c0[p] * decay));
                }
                assertThat(errX).isLessThan(err / 5);
            }
        }
        assertThat(errors[0] / errors[1]).isBetween(5.0, 20.0);
    }

    @Test
    void refusesTooLittleStabilisationAndNonPowerOfTwoGrids() {
        assertThatThrownBy(() -> new SpectralCahnHilliard2D(GRID, QuarticDoubleWell.PFHUB, 2, 5, 1.0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("energy stable");
        assertThatThrownBy(() -> new SpectralCahnHilliard2D(Grid2D.unitSpacing(200, 200), QuarticDoubleWell.PFHUB, 2, 5, Double.NaN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("powers of two");
    }

    @Test
    void adaptiveRunContinuedFromAStateTakenAfterAnAcceptedStepRepeatsTheRunBitForBit() {
        double tEnd = 5;
        double[] whole = noisyField(7);
        AdaptiveTimeStepper uninterrupted = new AdaptiveTimeStepper(pfhubModel(), 1e-4, 1e-3, 1e-12, tEnd).extrapolate(true);
        uninterrupted.advance(whole, 0, tEnd);

        // Take (y, t, state) after the 7th accepted step, as a checkpoint would, then let a fresh stepper continue.
        double[] y = noisyField(7);
        AdaptiveTimeStepper first = new AdaptiveTimeStepper(pfhubModel(), 1e-4, 1e-3, 1e-12, tEnd).extrapolate(true);
        double[][] saved = new double[1][];
        double[] savedTime = new double[1];
        AdaptiveTimeStepper.State[] savedState = new AdaptiveTimeStepper.State[1];
        first.advance(y, 0, tEnd, t -> {
            if (first.acceptedSteps() == 7) {
                saved[0] = y.clone();
                savedTime[0] = t;
                savedState[0] = first.state();
            }
        });
        assertThat(savedTime[0]).isBetween(0.0, tEnd);
        AdaptiveTimeStepper resumed = new AdaptiveTimeStepper(pfhubModel(), 1e-4, 1e-3, 1e-12, tEnd).extrapolate(true);
        resumed.restore(savedState[0]);
        resumed.advance(saved[0], savedTime[0], tEnd);

        assertThat(resumed.state()).isEqualTo(uninterrupted.state());
        assertThat(resumed.acceptedSteps()).isGreaterThan(7);
        for (int p = 0; p < whole.length; p++) {
            assertThat(Double.doubleToRawLongBits(saved[0][p])).as("node %d", p).isEqualTo(Double.doubleToRawLongBits(whole[p]));
        }
    }
}
