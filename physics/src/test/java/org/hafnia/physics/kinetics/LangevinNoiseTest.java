package org.hafnia.physics.kinetics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LangevinNoiseTest {

    private static final int SAMPLES = 200_000;

    /**
     * Sample mean and variance of standard normals: their standard errors are 1/√N and
     * √(2/N) ≈ 0.0022 and 0.0032 for N = 2e5; 5 standard errors is the tolerance.
     */
    @Test
    void counterBasedNumbersAreStandardNormal() {
        double s = 0;
        double s2 = 0;
        double s4 = 0;
        for (int k = 0; k < SAMPLES; k++) {
            double x = LangevinNoise.standardNormal(42, k / 1000, k % 1000);
            s += x;
            s2 += x * x;
            s4 += x * x * x * x;
        }
        double mean = s / SAMPLES;
        double var = s2 / SAMPLES - mean * mean;
        assertThat(mean).isCloseTo(0, within(5 / Math.sqrt(SAMPLES)));
        assertThat(var).isCloseTo(1, within(5 * Math.sqrt(2.0 / SAMPLES)));
        // fourth moment 3 (Gaussian), standard error √(96/N) ≈ 0.022
        assertThat(s4 / SAMPLES).isCloseTo(3, within(5 * Math.sqrt(96.0 / SAMPLES)));
    }

    @Test
    void numbersDependOnlyOnSeedStepAndNode() {
        assertThat(LangevinNoise.standardNormal(7, 3, 11)).isEqualTo(LangevinNoise.standardNormal(7, 3, 11));
        assertThat(LangevinNoise.standardNormal(7, 3, 11)).isNotEqualTo(LangevinNoise.standardNormal(8, 3, 11));
        assertThat(LangevinNoise.standardNormal(7, 3, 11)).isNotEqualTo(LangevinNoise.standardNormal(7, 4, 11));
        assertThat(LangevinNoise.standardNormal(7, 3, 11)).isNotEqualTo(LangevinNoise.standardNormal(7, 3, 12));
    }

    /** Lag-one correlation across nodes and across steps vanishes within 5 standard errors (1/√N). */
    @Test
    void neighbouringNodesAndStepsAreUncorrelated() {
        double cNode = 0;
        double cStep = 0;
        for (int k = 0; k < SAMPLES; k++) {
            double x = LangevinNoise.standardNormal(1, 5, k);
            cNode += x * LangevinNoise.standardNormal(1, 5, k + 1);
            cStep += x * LangevinNoise.standardNormal(1, 6, k);
        }
        assertThat(cNode / SAMPLES).isCloseTo(0, within(5 / Math.sqrt(SAMPLES)));
        assertThat(cStep / SAMPLES).isCloseTo(0, within(5 / Math.sqrt(SAMPLES)));
    }

    /** One step adds √(2 L k_B T Δt / ΔV) ξ: the fluctuation–dissipation amplitude. */
    @Test
    void incrementHasFluctuationDissipationVariance() {
        LangevinNoise noise = new LangevinNoise(3, 0.5);
        double l = 2.0;
        double kT = 0.025;
        double dt = 1e-3;
        double s2 = 0;
        for (int k = 0; k < SAMPLES; k++) {
            double d = noise.increment(9, k, l, kT, dt);
            s2 += d * d;
        }
        double expected = 2 * l * kT * dt / 0.5;
        assertThat(s2 / SAMPLES).isCloseTo(expected, within(5 * Math.sqrt(2.0 / SAMPLES) * expected));
    }
}
