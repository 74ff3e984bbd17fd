package org.hafnia.postprocess.rtn;

/**
 * A maximum-likelihood fit of the {@link DelayedExponential} model to dwell times. Errors are one
 * standard deviation from the observed Fisher information; NaN where undefined (too few dwells,
 * or an optimum on the boundary τ_d → 0 where the information matrix is not positive definite).
 *
 * @param count         number of dwell times
 * @param tau           lifetime τ, s
 * @param tauError      its standard error, s
 * @param delay         detection delay τ_d, s
 * @param delayError    its standard error, s
 * @param logLikelihood maximised log-likelihood, Σ log p(t_i) with t in s
 */
public record LifetimeFit(int count, double tau, double tauError, double delay, double delayError,
                          double logLikelihood) {

    /** The fitted density. */
    public DelayedExponential model() {
        return new DelayedExponential(tau, delay);
    }

    public boolean valid() {
        return Double.isFinite(tau) && Double.isFinite(delay);
    }
}
