package org.hafnia.postprocess.rtn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;

class DelayedExponentialTest {

    private static final IterativeLegendreGaussIntegrator INTEGRATOR = new IterativeLegendreGaussIntegrator(16, 1e-12, 1e-14);

    @Test
    void isANormalisedDensityWithMeanTauPlusDelay() {
        DelayedExponential p = new DelayedExponential(11e-3, 0.4e-3);
        // Integrated to 60 τ: the neglected tail e^−60 is far below the 1e-10 tolerance.
        double upper = 60 * p.tau();
        double norm = INTEGRATOR.integrate(1_000_000, p::density, 0, upper);
        double mean = INTEGRATOR.integrate(1_000_000, t -> t * p.density(t), 0, upper);
        assertThat(norm).isCloseTo(1, within(1e-10));
        assertThat(mean).isCloseTo(p.tau() + p.delay(), within(1e-10 * p.tau()));
    }

    @Test
    void isSymmetricInTheTwoTimesAndOrdersThem() {
        DelayedExponential a = new DelayedExponential(1e-3, 5e-3);
        assertThat(a.tau()).isEqualTo(5e-3);
        assertThat(a.delay()).isEqualTo(1e-3);
        assertThat(DelayedExponential.logDensity(2e-3, 1e-3, 5e-3))
                .isEqualTo(DelayedExponential.logDensity(2e-3, 5e-3, 1e-3));
    }

    @Test
    void tendsContinuouslyToTheGammaDensityAsTheTimesMerge() {
        double tau = 3e-3;
        double t = 2e-3;
        double gamma = Math.log(t) - 2 * Math.log(tau) - t / tau;
        // Relative gap 1e-6: the difference from the gamma limit is O(gap) ≈ 1e-6 in log p.
        assertThat(DelayedExponential.logDensity(t, tau * (1 + 1e-6), tau)).isCloseTo(gamma, within(1e-5));
        assertThat(DelayedExponential.logDensity(t, tau, tau)).isCloseTo(gamma, within(1e-15));
    }
}
