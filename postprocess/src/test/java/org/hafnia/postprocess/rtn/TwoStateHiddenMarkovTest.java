package org.hafnia.postprocess.rtn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class TwoStateHiddenMarkovTest {

    private static int errors(byte[] a, byte[] b) {
        int e = 0;
        for (int k = 0; k < a.length; k++) {
            e += a[k] != b[k] ? 1 : 0;
        }
        return e;
    }

    @Test
    void decodesANoisyTelegraphSignalFarBetterThanAThreshold() {
        // Noise 0.3 ΔI: the midpoint threshold misreads P(z > 1.67) = 4.8 % of the samples.
        Well19937c rng = new Well19937c(7);
        SyntheticTelegraph signal = new SyntheticTelegraph(2e-4, 6e-3, 0.6e-3, 3e-3, 0.6e-3);
        byte[] truth = signal.states(20_000, rng);
        double low = 1.0;
        double high = 2.0;
        double[] x = SyntheticTelegraph.current(truth, low, high, 0.3, rng);
        TwoStateHiddenMarkov hmm = new TwoStateHiddenMarkov();
        TwoStateHiddenMarkov.Model m = hmm.fit(x, 0, x.length);
        // Means of ~10^4 samples with σ = 0.3: standard error 3e-3; 5 standard errors allowed.
        assertThat(m.mu0()).isCloseTo(low, within(0.015));
        assertThat(m.mu1()).isCloseTo(high, within(0.015));
        assertThat(m.sigma0()).isCloseTo(0.3, within(0.015));
        int hmmErrors = errors(hmm.classify(x, 0, x.length).states(), truth);
        int thresholdErrors = errors(new TwoMeansThreshold(1e-8).classify(x, 0, x.length).states(), truth);
        assertThat(thresholdErrors).isGreaterThan(600);
        assertThat(hmmErrors).isLessThan(thresholdErrors / 5);
    }

    @Test
    void aCleanSignalIsDecodedExactly() {
        byte[] truth = {0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 1, 0, 0};
        double[] x = new double[truth.length];
        for (int k = 0; k < x.length; k++) {
            x[k] = truth[k] == 1 ? 5e-6 : 4e-6;
        }
        assertThat(new TwoStateHiddenMarkov().classify(x, 0, x.length).states()).containsExactly(truth);
    }
}
