package org.hafnia.postprocess.rtn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
}
