package org.hafnia.postprocess.compare;

import org.hafnia.meshes.InvalidInputException;

/**
 * Mean structural similarity (SSIM) of two maps on the same grid, after Wang, Bovik, Sheikh and
 * Simoncelli, IEEE Trans. Image Process. 13, 600 (2004): at every node where the window fits,
 * SSIM = (2 μa μb + C1)(2 σab + C2) / ((μa² + μb² + C1)(σa² + σb² + C2)), with μ, σ², σab the
 * Gaussian-weighted local means, variances and covariance (σ = 1.5 nodes, 11 × 11 window, weights
 * normalised to 1), C1 = (K1 L)², C2 = (K2 L)², K1 = 0.01, K2 = 0.03 and L the dynamic range of
 * the values; the result is the mean over those nodes. A map smaller than 11 nodes along an axis
 * uses the largest odd window that fits.
 *
 * @param ssim         the mean SSIM, in [−1, 1]; 1 for identical maps
 * @param dynamicRange L, in the maps' value unit
 * @param windowX      window width in nodes
 * @param windowY      window height in nodes
 * @param nodes        nodes averaged over (those where the whole window fits)
 */
public record StructuralSimilarity(double ssim, double dynamicRange, int windowX, int windowY, int nodes) {

    /** Gaussian window standard deviation in nodes (Wang et al. 2004). */
    public static final double SIGMA = 1.5;
    /** Window radius in nodes: 11 × 11 (Wang et al. 2004). */
    public static final int RADIUS = 5;
    public static final double K1 = 0.01;
    public static final double K2 = 0.03;

    /**
     * @param a            first map, row-major {@code nx × ny}
     * @param b            second map, same layout
     * @param dynamicRange L (> 0), e.g. 1 for φ or max − min of both maps for measured values
     */
    public static StructuralSimilarity of(double[] a, double[] b, int nx, int ny, double dynamicRange) {
        if (a.length != b.length || a.length != nx * ny) {
            throw new InvalidInputException("SSIM needs two maps of " + nx + " × " + ny + " nodes");
        }
        if (!(dynamicRange > 0) || !Double.isFinite(dynamicRange)) {
            throw new InvalidInputException("SSIM dynamic range must be positive and finite, got " + dynamicRange);
        }
        int rx = Math.min(RADIUS, (nx - 1) / 2);
        int ry = Math.min(RADIUS, (ny - 1) / 2);
        double[] wx = gaussian(rx);
        double[] wy = gaussian(ry);
        double c1 = Math.pow(K1 * dynamicRange, 2);
        double c2 = Math.pow(K2 * dynamicRange, 2);
        double sum = 0;
        int count = 0;
        for (int j = ry; j < ny - ry; j++) {
            for (int i = rx; i < nx - rx; i++) {
                double ma = 0;
                double mb = 0;
                double saa = 0;
                double sbb = 0;
                double sab = 0;
                for (int q = -ry; q <= ry; q++) {
                    int row = (j + q) * nx;
                    for (int p = -rx; p <= rx; p++) {
                        double w = wy[q + ry] * wx[p + rx];
                        double x = a[row + i + p];
                        double y = b[row + i + p];
                        ma += w * x;
                        mb += w * y;
                        saa += w * x * x;
                        sbb += w * y * y;
                        sab += w * x * y;
                    }
                }
                double va = saa - ma * ma;
                double vb = sbb - mb * mb;
                double cov = sab - ma * mb;
                sum += (2 * ma * mb + c1) * (2 * cov + c2) / ((ma * ma + mb * mb + c1) * (va + vb + c2));
                count++;
            }
        }
        return new StructuralSimilarity(sum / count, dynamicRange, 2 * rx + 1, 2 * ry + 1, count);
    }

    /** Normalised 1-D Gaussian weights exp(−d²/2σ²) for d = −r … r (the 2-D window is their product). */
    static double[] gaussian(int r) {
        double[] w = new double[2 * r + 1];
        double s = 0;
        for (int d = -r; d <= r; d++) {
            w[d + r] = Math.exp(-d * d / (2 * SIGMA * SIGMA));
            s += w[d + r];
        }
        for (int k = 0; k < w.length; k++) {
            w[k] /= s;
        }
        return w;
    }
}
