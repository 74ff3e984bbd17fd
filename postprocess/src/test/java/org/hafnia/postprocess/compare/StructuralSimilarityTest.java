package org.hafnia.postprocess.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class StructuralSimilarityTest {

    /**
     * Round-off: σ² = Σw x² − μ² cancels to ~121 ε x² ≈ 1e-14 for x ≤ 1, divided by C2 = 9e-4
     * in the contrast term, so ~1e-11.
     */
    private static final double TOLERANCE = 1e-11;

    @Test
    void identicalMapsHaveSsimOne() {
        SplittableRandom r = new SplittableRandom(1);
        double[] a = new double[20 * 15];
        Arrays.setAll(a, k -> r.nextDouble());
        StructuralSimilarity s = StructuralSimilarity.of(a, a.clone(), 20, 15, 1);
        assertThat(s.ssim()).isCloseTo(1, within(TOLERANCE));
        assertThat(s.windowX()).isEqualTo(11);
        assertThat(s.nodes()).isEqualTo(10 * 5);
    }

    @Test
    void twoConstantMapsGiveTheLuminanceTermByHand() {
        // σ = 0 everywhere, so SSIM = (2ab + C1) / (a² + b² + C1) with C1 = (0.01 · 1)².
        double[] a = new double[11 * 11];
        double[] b = new double[11 * 11];
        Arrays.fill(a, 0.2);
        Arrays.fill(b, 0.6);
        double expected = (2 * 0.2 * 0.6 + 1e-4) / (0.04 + 0.36 + 1e-4); // = 0.2401 / 0.4001
        assertThat(StructuralSimilarity.of(a, b, 11, 11, 1).ssim()).isCloseTo(expected, within(TOLERANCE));
        assertThat(expected).isCloseTo(0.600099975, within(1e-9));
    }

    @Test
    void invertedSpotOnThreeByThreeMatchesTheHandFormula() {
        // 3 × 3 maps use a 3 × 3 window (only the centre node is averaged). A is a unit spot at the
        // centre, B = 1 − A. With w0 the centre weight: μa = w0, μb = 1 − w0, σa² = σb² = w0 (1 − w0),
        // σab = −w0 (1 − w0).
        double[] a = {0, 0, 0, 0, 1, 0, 0, 0, 0};
        double[] b = {1, 1, 1, 1, 0, 1, 1, 1, 1};
        double e1 = Math.exp(-1 / 4.5); // exp(−d²/2σ²) with σ = 1.5, d = 1
        double w0 = 1 / ((1 + 2 * e1) * (1 + 2 * e1));
        double s = w0 * (1 - w0);
        double c1 = 1e-4;
        double c2 = 9e-4;
        double expected = (2 * w0 * (1 - w0) + c1) * (-2 * s + c2) / ((w0 * w0 + (1 - w0) * (1 - w0) + c1) * (2 * s + c2));
        StructuralSimilarity got = StructuralSimilarity.of(a, b, 3, 3, 1);
        assertThat(got.nodes()).isEqualTo(1);
        assertThat(got.ssim()).isCloseTo(expected, within(TOLERANCE)).isNegative();
    }
}
