package org.hafnia.postprocess.rtn;

import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DiagonalMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Voltage dependence of a lifetime, τ(V) = τ0 · exp(−|V| / V0) (physics.md §4), fitted by
 * weighted least squares (Levenberg–Marquardt, Commons Math) with weights 1/σ_τ². It is
 * parameterised by the slope s = 1/V0, which stays finite when τ barely depends on V (V0 → ∞
 * or negative when τ grows with |V|); the start is the weighted straight-line fit of ln τ
 * against |V|. Errors are one standard deviation from (JᵀWJ)⁻¹, i.e. they trust the stated
 * lifetime errors; χ² and its degrees of freedom say whether the model and errors agree.
 *
 * @param prefactor      τ0, s
 * @param prefactorError its standard error, s
 * @param slope          s = 1/V0, 1/V
 * @param slopeError     its standard error, 1/V
 * @param chiSquare      Σ ((τ_i − τ(V_i)) / σ_i)²
 * @param points         number of (V, τ) points used
 */
public record VoltageDependenceFit(double prefactor, double prefactorError, double slope, double slopeError,
                                   double chiSquare, int points) {

    /** V0 = 1/s, V (infinite when τ does not depend on V). */
    public double v0() {
        return 1 / slope;
    }

    /** Standard error of V0 by error propagation, σ_s / s², V. */
    public double v0Error() {
        return slopeError / (slope * slope);
    }

    public int degreesOfFreedom() {
        return points - 2;
    }

    /**
     * Fits the points with finite, positive τ and σ_τ; NaN parameters when fewer than two remain.
     *
     * @param voltage  read voltages, V
     * @param tau      lifetimes, s
     * @param tauError their standard errors, s
     */
    public static VoltageDependenceFit fit(double[] voltage, double[] tau, double[] tauError) {
        int m = 0;
        double[] x = new double[voltage.length];
        double[] y = new double[voltage.length];
        double[] w = new double[voltage.length];
        for (int k = 0; k < voltage.length; k++) {
            if (tau[k] > 0 && tauError[k] > 0 && Double.isFinite(tau[k]) && Double.isFinite(tauError[k])) {
                x[m] = Math.abs(voltage[k]);
                y[m] = tau[k];
                w[m] = 1 / (tauError[k] * tauError[k]);
                m++;
            }
        }
        if (m < 2) {
            return new VoltageDependenceFit(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, m);
        }
        int n = m;
        double[] start = logLinearStart(x, y, w, n);
        LeastSquaresBuilder problem = new LeastSquaresBuilder()
                .model(p -> {
                    RealVector value = new ArrayRealVector(n);
                    RealMatrix jac = new Array2DRowRealMatrix(n, 2);
                    for (int k = 0; k < n; k++) {
                        double e = Math.exp(-p.getEntry(1) * x[k]);
                        value.setEntry(k, p.getEntry(0) * e);
                        jac.setEntry(k, 0, e);
                        jac.setEntry(k, 1, -x[k] * p.getEntry(0) * e);
                    }
                    return new Pair<>(value, jac);
                })
                .target(java.util.Arrays.copyOf(y, n))
                .weight(new DiagonalMatrix(java.util.Arrays.copyOf(w, n)))
                .start(start)
                .maxEvaluations(10_000)
                .maxIterations(10_000);
        LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer().optimize(problem.build());
        RealMatrix cov = opt.getCovariances(1e-14);
        double rms = opt.getRMS();
        return new VoltageDependenceFit(opt.getPoint().getEntry(0), Math.sqrt(cov.getEntry(0, 0)),
                opt.getPoint().getEntry(1), Math.sqrt(cov.getEntry(1, 1)), rms * rms * n, n);
    }

    /** Weighted straight line ln τ = ln τ0 − s|V| with weights τ²/σ² (first-order error of ln τ). */
    private static double[] logLinearStart(double[] x, double[] y, double[] w, int n) {
        double sw = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int k = 0; k < n; k++) {
            double wk = w[k] * y[k] * y[k];
            double ly = Math.log(y[k]);
            sw += wk;
            sx += wk * x[k];
            sy += wk * ly;
            sxx += wk * x[k] * x[k];
            sxy += wk * x[k] * ly;
        }
        double det = sw * sxx - sx * sx;
        double slope = det > 0 ? -(sw * sxy - sx * sy) / det : 0;
        double intercept = (sy + slope * sx) / sw;
        return new double[] {Math.exp(intercept), slope};
    }
}
