package org.hafnia.postprocess.rtn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.apache.commons.math3.random.Well19937c;
import org.hafnia.meshes.InvalidInputException;
import org.junit.jupiter.api.Test;

class VoltageWindowFinderTest {

    private static final SyntheticTelegraph SIGNAL = new SyntheticTelegraph(2e-4, 11e-3, 1e-3, 4e-3, 1e-3);

    @Test
    void findsThePlateausOfANoisyStaircaseWithRamps() {
        // Published protocol: 0.5 V/s-like ramps of 500 samples, 0.09 mV voltage noise.
        RtnTrace t = SIGNAL.staircase("synthetic", new double[] {-0.15, -0.20, -0.25}, 1500, 500, 5000,
                1e-4, 1.02e-4, 9e-5, 0.05, new Well19937c(11));
        List<VoltageWindow> w = new VoltageWindowFinder(1000, 0.01).find(t);
        assertThat(w).hasSize(3);
        int[] starts = {2000, 7500, 13000};
        double[] volts = {-0.15, -0.20, -0.25};
        for (int k = 0; k < 3; k++) {
            // The ±6σ band (0.54 mV) reaches 5.4 samples into a 0.1 mV/sample ramp, plus 2σ of noise
            // (1.8 samples): the edges lie within 8 samples outside the true plateau.
            assertThat(w.get(k).start()).isBetween(starts[k] - 8, starts[k]);
            assertThat(w.get(k).end()).isBetween(starts[k] + 5000, starts[k] + 5008);
            // The median of 5000 samples of 0.09 mV noise is within 5 standard errors (6e-6 V).
            assertThat(w.get(k).voltage()).isCloseTo(volts[k], within(3e-5));
        }
    }

    @Test
    void findsAnExactStaircase() {
        RtnTrace t = SIGNAL.staircase("clean", new double[] {-0.1, 0.3}, 10, 3, 200, 1e-4, 2e-4, 0, 0,
                new Well19937c(2));
        List<VoltageWindow> w = new VoltageWindowFinder(100, 0.01).find(t);
        assertThat(w).containsExactly(new VoltageWindow(13, 213, -0.1), new VoltageWindow(216, 416, 0.3));
    }

    @Test
    void rejectsATraceWithoutReadPlateauNamingTheFile() {
        RtnTrace t = SIGNAL.staircase("trace_rest.csv", new double[] {-0.15}, 1500, 500, 500, 1e-4, 1.02e-4,
                9e-5, 0.05, new Well19937c(3));
        assertThatThrownBy(() -> new VoltageWindowFinder(1000, 0.01).find(t))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("trace_rest.csv: no recognisable voltage windows (no plateau of at least 1000 samples"
                        + " at |V| >= 0.01 V in the voltage column)");
    }
}
