package org.hafnia.postprocess.rtn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DwellTimesTest {

    @Test
    void countsSamplesBetweenTransitionsAndDropsThePartialFirstAndOpenLastDwell() {
        // partial low (2) | high 3 | low 1 | high 2 | low 4 | open high (2)
        byte[] s = {0, 0, 1, 1, 1, 0, 1, 1, 0, 0, 0, 0, 1, 1};
        DwellTimes d = DwellTimes.of(s);
        assertThat(d.high()).containsExactly(3, 2);
        assertThat(d.low()).containsExactly(1, 4);
        // count × Δt in floating point: exact to one rounding (1e-19 s).
        assertThat(d.seconds(0, 2e-4)).containsExactly(new double[] {2e-4, 8e-4}, within(1e-18));
        assertThat(d.seconds(1, 2e-4)).containsExactly(new double[] {6e-4, 4e-4}, within(1e-18));
    }

    @Test
    void aSequenceWithOneTransitionHasNoClosedDwell() {
        DwellTimes d = DwellTimes.of(new byte[] {1, 1, 0, 0, 0});
        assertThat(d.low()).isEmpty();
        assertThat(d.high()).isEmpty();
    }
}
