package org.hafnia.postprocess.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The fitted table, run as aihwkit's rule, follows a train that jumps across many nodes in one pulse. */
class PiecewiseStepTableTest {

    /**
     * The default film device's SET train: the first pulse covers three quarters of the range,
     * then the state creeps, each pulse closing a fixed fraction r of the remaining gap
     * (u_k = 1 − 0.25 (1 − r)^(k−1)), as extract measures it (27 → 123 µS, then a slow rise).
     */
    @Test
    void aJumpThenCreepTrainReachesNinetyFivePercentWhenTheTrainDoes() {
        int pulses = 20;
        double r = 0.2;
        double[] c = new double[pulses + 1];
        for (int k = 1; k <= pulses; k++) {
            c[k] = 1 - 0.25 * Math.pow(1 - r, k - 1);
        }
        double[] s = PiecewiseStepTable.fit(c, 32);
        // Train: c_8 = 1 − 0.25 · 0.8⁷ = 0.94757, c_9 = 1 − 0.25 · 0.8⁸ = 0.95805; the linear crossing of
        // 0.95 between them is 8 + 0.00243 / 0.01049 = 8.232.
        double train = PiecewiseStepTable.crossing(c, 0.95);
        assertThat(train).isCloseTo(8.232, within(0.001));
        // Within one pulse: a crossing is decided by the pulse that makes it.
        assertThat(PiecewiseStepTable.simulatedCrossing(s, c[0], 0.95, pulses)).isCloseTo(train, within(1.0));
        // The jump itself: the first pulse lands where the train's does, within 2 % of the range.
        assertThat(Math.min(1, c[0] + PiecewiseStepTable.step(s, c[0]))).isCloseTo(c[1], within(0.02));
    }
}
