package org.hafnia.postprocess.rtn;

import java.util.function.DoubleUnaryOperator;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;

/**
 * Gaussian-smeared densities as in the published dwell-time histograms (physics.md §4, step 3):
 * the density of samples t_i at t is (1/N) Σ_i φ_σ(t − t_i), φ_σ the normal density of standard
 * deviation σ. The same smearing applied to a model density p gives ∫_0^∞ p(u) φ_σ(t − u) du,
 * the curve to compare with it.
 */
public final class SmearedDensity {

    /** Published time grid t = 0, 0.8, … 39.2 ms (50 points), s. */
    public static final double PUBLISHED_GRID_STEP = 0.8e-3;
    public static final int PUBLISHED_GRID_POINTS = 50;
    /** Published smearing widths, s: σ = 2 ms for τ0 (low state), 1 ms for τ1 (high state). */
    public static final double PUBLISHED_SIGMA_LOW = 2e-3;
    public static final double PUBLISHED_SIGMA_HIGH = 1e-3;
    /** The model convolution is integrated over u ∈ t ± {@value #KERNEL_HALF_WIDTH} σ (tail < 1e-15). */
    static final double KERNEL_HALF_WIDTH = 8;

    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    private SmearedDensity() {
    }

    /** The published grid, s. */
    public static double[] publishedGrid() {
        double[] t = new double[PUBLISHED_GRID_POINTS];
        for (int k = 0; k < t.length; k++) {
            t[k] = k * PUBLISHED_GRID_STEP;
        }
        return t;
    }

    /** Smeared density of {@code samples} (s) on {@code grid} (s), in 1/s. */
    public static double[] ofSamples(double[] samples, double sigma, double[] grid) {
        double[] d = new double[grid.length];
        if (samples.length == 0) {
            return d;
        }
        double norm = INV_SQRT_2PI / (sigma * samples.length);
        for (int j = 0; j < grid.length; j++) {
            double sum = 0;
            for (double s : samples) {
                double z = (grid[j] - s) / sigma;
                sum += Math.exp(-0.5 * z * z);
            }
            d[j] = sum * norm;
        }
        return d;
    }

    /** Smeared model density: ∫_0^∞ p(u) φ_σ(t − u) du on {@code grid} (s), in 1/s. */
    public static double[] ofModel(DoubleUnaryOperator density, double sigma, double[] grid) {
        IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(16, 1e-10, 1e-14);
        double[] d = new double[grid.length];
        for (int j = 0; j < grid.length; j++) {
            double t = grid[j];
            double lo = Math.max(0, t - KERNEL_HALF_WIDTH * sigma);
            double hi = t + KERNEL_HALF_WIDTH * sigma;
            d[j] = integrator.integrate(100_000, u -> {
                double z = (t - u) / sigma;
                return density.applyAsDouble(u) * Math.exp(-0.5 * z * z) * INV_SQRT_2PI / sigma;
            }, lo, hi);
        }
        return d;
    }
}
