package org.hafnia.postprocess.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The level count of programming.md against its closed forms for a constant and a proportional read
 * σ. (pitest 23 / 30; the survivors are equivalent: comparisons that differ only at an exact tie, and
 * a bisection bracket made wider or an ulp narrower, which still holds the root.)
 */
class DistinguishableLevelsTest {

    /** Constant σ: levels 6σ apart from G_low, so N = ⌊(G_high − G_low)/6σ⌋ + 1, on both sides of each step. */
    @Test
    void aConstantSpreadPacksLevelsSixSigmaApart() {
        double sigma = 1.5e-6;
        for (int n = 1; n <= 40; n++) {
            double span = (n - 1) * 6 * sigma;
            assertThat(DistinguishableLevels.count(20e-6, 20e-6 + span * (1 + 1e-9), g -> sigma)).as("%d levels, just fitting", n)
                    .isEqualTo(n);
            assertThat(DistinguishableLevels.count(20e-6, 20e-6 + span * (1 - 1e-9), g -> sigma)).as("just short of %d", n)
                    .isEqualTo(Math.max(1, n - 1));
        }
    }

    /**
     * σ = cG: G_{k+1}(1 − 3c) = G_k(1 + 3c), a geometric ladder of ratio r = (1 + 3c)/(1 − 3c), so
     * N = ⌊ln(G_high/G_low)/ln r⌋ + 1.
     */
    @Test
    void aProportionalSpreadPacksAGeometricLadder() {
        double c = 0.01;
        double r = (1 + 3 * c) / (1 - 3 * c);
        for (int n = 1; n <= 60; n++) {
            double top = 10e-6 * Math.pow(r, n - 1);
            assertThat(DistinguishableLevels.count(10e-6, top * (1 + 1e-9), g -> c * g)).as("%d levels", n).isEqualTo(n);
            if (n > 1) {
                assertThat(DistinguishableLevels.count(10e-6, top * (1 - 1e-9), g -> c * g)).as("short of %d", n)
                        .isEqualTo(n - 1);
            }
        }
    }

    @Test
    void anEmptyWindowHoldsNoLevelAndAPointOne() {
        assertThat(DistinguishableLevels.count(2e-6, 1e-6, g -> 1e-9)).isZero();
        assertThat(DistinguishableLevels.count(1e-6, 1e-6, g -> 1e-9)).isEqualTo(1);
        assertThat(DistinguishableLevels.count(1e-6, Double.NaN, g -> 1e-9)).isZero();
    }

    /** A spread growing faster than G/3 leaves no room for a second level; a vanishing one is counted up to the cap. */
    @Test
    void aSpreadFasterThanAThirdOfGHoldsOneLevelAndTheCountIsCapped() {
        assertThat(DistinguishableLevels.count(1e-6, 1e-3, g -> g)).isEqualTo(1);
        assertThat(DistinguishableLevels.count(0, 1, g -> 1e-15)).isEqualTo(1_000_000);
    }
}
