package org.hafnia.postprocess.rtn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class TwoMeansThresholdTest {

    @Test
    void findsBothLevelsAndTheMidpointOfACleanTwoLevelSignal() {
        // 70 % of the samples low: mean ± std starts off-centre, the iteration must still land on the levels.
        double low = 1.437e-5;
        double high = 1.470e-5;
        double[] x = new double[1000];
        byte[] truth = new byte[x.length];
        for (int k = 0; k < x.length; k++) {
            truth[k] = (byte) ((k / 7) % 10 < 3 ? 1 : 0);
            x[k] = truth[k] == 1 ? high : low;
        }
        TwoMeansThreshold m = new TwoMeansThreshold(TwoMeansThreshold.PUBLISHED_TOLERANCE);
        TwoMeansThreshold.Levels l = m.levels(x, 0, x.length);
        // Exact levels: each side's mean of identical values, to rounding (1e-20 A).
        assertThat(l.low()).isCloseTo(low, within(1e-18));
        assertThat(l.high()).isCloseTo(high, within(1e-18));
        assertThat(l.threshold()).isCloseTo(0.5 * (low + high), within(1e-18));
        TwoLevelSequence s = m.classify(x, 0, x.length);
        assertThat(s.states()).containsExactly(truth);
        assertThat(s.separation()).isCloseTo(high - low, within(1e-18));
    }

    @Test
    void classifiesOnlyTheRequestedWindow() {
        double[] x = {9, 9, 1, 2, 1, 2, 9};
        TwoLevelSequence s = new TwoMeansThreshold(1e-12).classify(x, 2, 6);
        assertThat(s.states()).containsExactly(0, 1, 0, 1);
        assertThat(s.low()).isEqualTo(1.0);
        assertThat(s.high()).isEqualTo(2.0);
    }

    @Test
    void aConstantWindowIsAllLowWithNoSeparation() {
        TwoLevelSequence s = new TwoMeansThreshold(1e-8).classify(new double[] {3, 3, 3}, 0, 3);
        assertThat(s.states()).containsExactly(0, 0, 0);
        assertThat(s.separation()).isZero();
    }

    /**
     * On a noisy, rarely high window (5 % high, noise 0.15 of the separation, as a weak trap's
     * trace), where mean ± std starts far from the levels and one split is not enough, the result
     * is the fixed point of the published iteration found independently: over the sorted samples,
     * the split whose two means have their midpoint between the split's two samples (unique here,
     * asserted). The iteration stops when both means move by less than the tolerance (1e-14 A here,
     * 1e-8 of the separation); at that point its split is the fixed point's, so the levels agree to
     * round-off. (pitest: mutants of the start mean ± std and of the stopping rule survive this and
     * the regressions on reference/rtn, MeasuredTelegraphNoiseTest and RtnCommandTest, run across
     * modules: with one fixed point, where the iteration starts and when it stops at the published
     * 1e-8 A change no result on the measured traces.)
     */
    @Test
    void aNoisyRarelyHighWindowLandsOnTheFixedPointOfTheIteration() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 4000;
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = 1e-6 * ((random.nextDouble() < 0.05 ? 1 : 0) + 0.15 * random.nextGaussian());
        }
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double total = 0;
        for (double v : sorted) {
            total += v;
        }
        List<double[]> fixed = new ArrayList<>();
        double below = 0;
        for (int split = 1; split < n; split++) {
            below += sorted[split - 1];
            double lo = below / split;
            double hi = (total - below) / (n - split);
            double mid = 0.5 * (lo + hi);
            if (sorted[split - 1] <= mid && mid < sorted[split]) {
                fixed.add(new double[] {lo, hi});
            }
        }
        assertThat(fixed).as("fixed points of the two-means map").hasSize(1);
        TwoMeansThreshold.Levels l = new TwoMeansThreshold(1e-14).levels(x, 0, n);
        assertThat(l.low()).isCloseTo(fixed.get(0)[0], within(1e-18));
        assertThat(l.high()).isCloseTo(fixed.get(0)[1], within(1e-18));
        assertThat(l.threshold()).isCloseTo(0.5 * (fixed.get(0)[0] + fixed.get(0)[1]), within(1e-18));
        // The levels lie near the true ones (their noise-shifted means), not at the start mean ± std.
        assertThat(l.high() - l.low()).isBetween(0.8e-6, 1.2e-6);
    }
}
