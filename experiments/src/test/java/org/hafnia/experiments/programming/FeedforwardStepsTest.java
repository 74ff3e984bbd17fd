package org.hafnia.experiments.programming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The feedforward step count against the plain search it replaces (every count tried in turn). */
class FeedforwardStepsTest {

    /** Counts the plain search tries here (it is O(n²)): a search that reaches it has found none below. */
    private static final int TRIED = 2_000;

    /**
     * The plain search: the first count from the level-spacing one whose steps the map can make, then
     * lowered; stopped at {@link #TRIED}.
     */
    private static int plain(ResponseMap map, double g0, double distance, double spacing) {
        int n = Math.max(1, (int) Math.ceil(distance / (0.5 * spacing)));
        while (n < TRIED && violates(map, g0, distance, n, true)) {
            n++;
        }
        while (n > 1 && violates(map, g0, distance, n, false) && !violates(map, g0, distance, n - 1, true)) {
            n--;
        }
        return n;
    }

    private static boolean violates(ResponseMap map, double g0, double distance, int n, boolean large) {
        double step = distance / n;
        for (int k = 0; k < n; k++) {
            double g = g0 + k * step;
            if (large ? step > map.largestStep(g) : step < map.smallestStep(g)) {
                return true;
            }
        }
        return false;
    }

    /** A map of two widths over 40–150 µS whose strongest steps are drawn per bin, some ≤ 0 when {@code dead}. */
    private static ResponseMap map(SplittableRandom r, boolean dead) {
        int a = ResponseMap.AMPLITUDES;
        double[][][] dg = new double[2][a][ResponseMap.BINS];
        for (int w = 0; w < 2; w++) {
            for (int b = 0; b < ResponseMap.BINS; b++) {
                double top = 2e-6 * r.nextDouble();
                if (dead && b >= 6 && b <= 8 + w) {
                    top = -1e-7 * r.nextDouble();
                }
                for (int j = 0; j < a; j++) {
                    dg[w][j][b] = top * (j + 1) / a;
                }
            }
        }
        double[] amplitudes = new double[a];
        for (int j = 0; j < a; j++) {
            amplitudes[j] = 0.4 + 0.1 * j;
        }
        return new ResponseMap(new double[] {1e-8, 1e-7}, amplitudes, 40e-6, 150e-6, dg, 0);
    }

    @Test
    void theBoundedSearchFindsTheCountOfThePlainOne() {
        SplittableRandom r = new SplittableRandom(7);
        int dead = 0;
        for (int trial = 0; trial < 300; trial++) {
            ResponseMap m = map(r, trial % 3 == 0);
            double g0 = 40e-6 + 100e-6 * r.nextDouble();
            double distance = (150e-6 - g0) * r.nextDouble();
            double spacing = 1e-6 * (0.05 + r.nextDouble());
            int expected = plain(m, g0, distance, spacing);
            int n = ProgrammingScheme.steps(m, g0, distance, spacing);
            if (expected >= TRIED) {
                // No count below TRIED fits, so the bounded search ends at or above it (the cap where a
                // bin on the path switches with no pulse).
                assertThat(n).as("trial %d", trial).isGreaterThanOrEqualTo(TRIED);
                dead += n == ProgrammingScheme.MAX_STEPS ? 1 : 0;
            } else {
                assertThat(n).as("trial %d", trial).isEqualTo(expected);
            }
        }
        assertThat(dead).isPositive();
    }
}
