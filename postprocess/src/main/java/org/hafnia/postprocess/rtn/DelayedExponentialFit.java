package org.hafnia.postprocess.rtn;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximum-likelihood fit of the detection-delayed exponential ({@link DelayedExponential}) to raw
 * dwell times: minimises −Σ log p(t_i; τ, τ_d) over (ln τ, ln τ_d) with the Nelder–Mead simplex
 * (Commons Math), restarted once from its optimum, then orders the pair so that τ ≥ τ_d (the
 * likelihood is symmetric). The covariance is the inverse of the observed Fisher information,
 * the Hessian of −log L in (τ, τ_d) by central differences with steps of
 * {@value #HESSIAN_STEP} of each parameter (truncation error O(h²) ≈ 1e-8 relative).
 *
 * <p>The model is continuous; dwell times are multiples of the sampling interval Δt. The fit is
 * consistent while Δt ≪ τ_d; where τ_d comes out near Δt, it measures the sampling rather than
 * a resolved delay (see the README).
 */
public final class DelayedExponentialFit {

    /** Fewest dwell times for a fit (two parameters and one degree of freedom). */
    public static final int MIN_COUNT = 3;
    static final double HESSIAN_STEP = 1e-4;
    /** Simplex convergence: relative and absolute change of −log L between iterations. */
    static final double REL_TOL = 1e-13;
    static final double ABS_TOL = 1e-12;
    static final int MAX_EVALUATIONS = 100_000;

    private DelayedExponentialFit() {
    }

    public static LifetimeFit fit(double[] t) {
        int n = t.length;
        if (n < MIN_COUNT) {
            return new LifetimeFit(n, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = 0;
        for (double x : t) {
            if (!(x > 0)) {
                throw new IllegalArgumentException("dwell times must be positive, got " + x);
            }
            mean += x;
        }
        mean /= n;
        ObjectiveFunction nll = new ObjectiveFunction(p -> negLogLikelihood(t, Math.exp(p[0]), Math.exp(p[1])));
        SimplexOptimizer optimizer = new SimplexOptimizer(REL_TOL, ABS_TOL);
        // The mean of the model is τ + τ_d: start with most of it in τ.
        double[] guess = {Math.log(0.8 * mean), Math.log(0.2 * mean)};
        PointValuePair best = null;
        for (int round = 0; round < 2; round++) {
            best = optimizer.optimize(new MaxEval(MAX_EVALUATIONS), nll, GoalType.MINIMIZE,
                    new InitialGuess(guess), new NelderMeadSimplex(new double[] {0.3, 0.3}));
            guess = best.getPoint();
        }
        double a = Math.exp(best.getPoint()[0]);
        double b = Math.exp(best.getPoint()[1]);
        double tau = Math.max(a, b);
        double delay = Math.min(a, b);
        double[][] cov = covariance(t, tau, delay);
        return new LifetimeFit(n, tau, Math.sqrt(cov[0][0]), delay, Math.sqrt(cov[1][1]), -best.getValue());
    }

    /** −Σ log p(t_i; τ, τ_d). */
    static double negLogLikelihood(double[] t, double tau, double delay) {
        double s = 0;
        for (double x : t) {
            s -= DelayedExponential.logDensity(x, tau, delay);
        }
        return s;
    }

    /** Inverse observed information in (τ, τ_d); NaN entries when it is not positive definite. */
    static double[][] covariance(double[] t, double tau, double delay) {
        double[] p = {tau, delay};
        double[] h = {HESSIAN_STEP * tau, HESSIAN_STEP * delay};
        double f0 = negLogLikelihood(t, tau, delay);
        double[][] hess = new double[2][2];
        for (int i = 0; i < 2; i++) {
            double[] up = p.clone();
            double[] down = p.clone();
            up[i] += h[i];
            down[i] -= h[i];
            hess[i][i] = (negLogLikelihood(t, up[0], up[1]) - 2 * f0 + negLogLikelihood(t, down[0], down[1])) / (h[i] * h[i]);
        }
        double fpp = negLogLikelihood(t, tau + h[0], delay + h[1]);
        double fpm = negLogLikelihood(t, tau + h[0], delay - h[1]);
        double fmp = negLogLikelihood(t, tau - h[0], delay + h[1]);
        double fmm = negLogLikelihood(t, tau - h[0], delay - h[1]);
        hess[0][1] = (fpp - fpm - fmp + fmm) / (4 * h[0] * h[1]);
        hess[1][0] = hess[0][1];
        double det = hess[0][0] * hess[1][1] - hess[0][1] * hess[1][0];
        if (!(hess[0][0] > 0) || !(det > 0)) {
            return new double[][] {{Double.NaN, Double.NaN}, {Double.NaN, Double.NaN}};
        }
        RealMatrix inv = new LUDecomposition(new Array2DRowRealMatrix(hess)).getSolver().getInverse();
        return inv.getData();
    }
}
