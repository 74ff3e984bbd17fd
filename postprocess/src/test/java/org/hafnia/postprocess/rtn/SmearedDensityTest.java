package org.hafnia.postprocess.rtn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

class SmearedDensityTest {

    @Test
    void thePublishedGridRunsFromZeroTo39Point2MsIn50Points() {
        double[] t = SmearedDensity.publishedGrid();
        assertThat(t).hasSize(50);
        assertThat(t[0]).isZero();
        assertThat(t[49]).isCloseTo(39.2e-3, within(1e-15));
    }

    @Test
    void smearedSamplesAreASumOfUnitGaussians() {
        double sigma = 1e-3;
        double[] d = SmearedDensity.ofSamples(new double[] {1e-3, 3e-3}, sigma, new double[] {1e-3, 2e-3});
        double peak = 1 / (sigma * Math.sqrt(2 * Math.PI));
        assertThat(d[0]).isCloseTo(0.5 * peak * (1 + Math.exp(-2)), within(1e-9 * peak));
        assertThat(d[1]).isCloseTo(peak * Math.exp(-0.5), within(1e-9 * peak));
    }

    @Test
    void smearedExponentialMatchesTheExponentiallyModifiedGaussian() {
        // p(u) = e^(−u/τ)/τ smeared by φ_σ: (1/τ) e^(σ²/2τ² − t/τ) Φ(t/σ − σ/τ).
        double tau = 4e-3;
        double sigma = 1e-3;
        double[] grid = SmearedDensity.publishedGrid();
        double[] d = SmearedDensity.ofModel(u -> Math.exp(-u / tau) / tau, sigma, grid);
        for (int j = 0; j < grid.length; j++) {
            double z = grid[j] / sigma - sigma / tau;
            double exact = Math.exp(sigma * sigma / (2 * tau * tau) - grid[j] / tau) / tau * 0.5 * Erf.erfc(-z / Math.sqrt(2));
            // Integrator tolerance 1e-10 relative; kernel truncated at 8σ (tail 1e-15).
            assertThat(d[j]).isCloseTo(exact, within(1e-8 / tau));
        }
    }
}
