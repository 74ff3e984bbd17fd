package org.hafnia.postprocess.rtn;

/**
 * Density of an observed dwell time that is the sum of an exponential lifetime (mean τ) and an
 * exponential detection delay (mean τ_d) (physics.md §4, step 4; the hypoexponential law):
 * p(t) = (e^(−t/τ) − e^(−t/τ_d)) / (τ − τ_d), t ≥ 0, normalised to 1, mean τ + τ_d. It is
 * symmetric in τ and τ_d; by convention τ ≥ τ_d (the lifetime is the slower process). Evaluated as
 * log p = −t/τ + log(−expm1(−t (1/τ_d − 1/τ))) − log(τ − τ_d), which keeps full precision as
 * τ_d → τ, where p tends to the gamma density t e^(−t/τ) / τ².
 *
 * @param tau   lifetime τ, s
 * @param delay detection delay τ_d, s
 */
public record DelayedExponential(double tau, double delay) {

    public DelayedExponential {
        if (!(tau > 0) || !(delay > 0)) {
            throw new IllegalArgumentException("τ and τ_d must be positive, got " + tau + ", " + delay);
        }
        if (delay > tau) {
            double swap = tau;
            tau = delay;
            delay = swap;
        }
    }

    public double logDensity(double t) {
        return logDensity(t, tau, delay);
    }

    public double density(double t) {
        return t < 0 ? 0 : Math.exp(logDensity(t));
    }

    /** log p(t) for any positive τ, τ_d (in either order), t > 0. */
    static double logDensity(double t, double tau, double delay) {
        double slow = Math.max(tau, delay);
        double fast = Math.min(tau, delay);
        double gap = slow - fast;
        if (gap <= 1e-12 * slow) {
            return Math.log(t) - 2 * Math.log(slow) - t / slow;
        }
        return -t / slow + Math.log(-Math.expm1(-t * gap / (slow * fast))) - Math.log(gap);
    }
}
