package org.hafnia.postprocess.extraction;

import org.apache.commons.math3.analysis.ParametricUnivariateFunction;
import org.apache.commons.math3.fitting.SimpleCurveFitter;
import org.apache.commons.math3.fitting.WeightedObservedPoints;

/**
 * Least-squares fit (Levenberg–Marquardt, Commons Math) of a normalised pulse response
 * w(P) = w0 + b (1 − e^(−P/A)) with w0 fixed to the first point: the NeuroSim form
 * G(P) = B (1 − e^(−P/A)) + Gmin divided by the range. The pulses to reach w = 1 follow as
 * Pmax = −A ln(1 − (1 − w0)/b) when b > 1 − w0 (see {@link #pulsesToBound()} otherwise).
 *
 * @param w0 fixed start
 * @param b  amplitude
 * @param a  nonlinearity constant A (pulses)
 */
public record ExponentialCurveFit(double w0, double b, double a) {

    /**
     * Pulses to reach w = 1; when the fitted curve saturates below 1, the pulses to 99.5 % of its
     * own rise (−A ln 0.005), where it is flat to well within the read noise.
     */
    public double pulsesToBound() {
        double x = (1 - w0) / b;
        return x < 1 ? -a * Math.log1p(-x) : -a * Math.log(0.005);
    }

    /**
     * Fits w[0..n) at P = 0, 1, …, n − 1 (at least three points).
     *
     * @param w     mean normalised response
     * @param n     points to use
     * @param aGuess starting A (pulses)
     */
    public static ExponentialCurveFit fit(double[] w, int n, double aGuess) {
        if (n < 3) {
            throw new IllegalArgumentException("need at least 3 points to fit, got " + n);
        }
        double w0 = w[0];
        ParametricUnivariateFunction f = new ParametricUnivariateFunction() {
            @Override
            public double value(double p, double... q) {
                return w0 + q[0] * -Math.expm1(-p / q[1]);
            }

            @Override
            public double[] gradient(double p, double... q) {
                double e = Math.exp(-p / q[1]);
                return new double[] {1 - e, -q[0] * e * p / (q[1] * q[1])};
            }
        };
        WeightedObservedPoints pts = new WeightedObservedPoints();
        for (int k = 0; k < n; k++) {
            pts.add(k, w[k]);
        }
        double[] q = SimpleCurveFitter.create(f, new double[] {Math.max(0.1, w[n - 1] - w0) * 1.2, aGuess})
                .withMaxIterations(10_000).fit(pts.toList());
        return new ExponentialCurveFit(w0, q[0], Math.abs(q[1]));
    }
}
