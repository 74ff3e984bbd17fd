package org.hafnia.postprocess.maps.preprocess;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.postprocess.maps.ScanMap;

/**
 * Outlier removal by median-filter replacement: r = v − median₃ₓ₃(v) (the map continued
 * beyond its edges by odd reflection); a node whose |r| exceeds k · σ̂, with σ̂ = 1.4826 · MAD(r) the robust standard
 * deviation (median absolute deviation, consistent for Gaussian noise; where more than half the
 * residuals are 0, as in flat regions, σ̂ = 1.2533 · mean |r| instead), is replaced by its 3 × 3
 * median. Typical k: 5. Recorded: k, σ̂, the threshold and the number of nodes replaced.
 */
public final class OutlierRemoval {

    /** MAD → standard deviation for Gaussian noise: 1 / Φ⁻¹(3/4). */
    private static final double MAD_TO_SIGMA = 1.4826;
    /** Mean absolute deviation → standard deviation for Gaussian noise: sqrt(π/2). */
    private static final double MEAN_ABS_TO_SIGMA = 1.2533;

    private OutlierRemoval() {
    }

    /**
     * The value at (i, j), continued beyond the edges by odd reflection, v(−1) = 2 v(0) − v(1),
     * which keeps a linear trend linear so that sloped edges are not taken for outliers (a map
     * one node wide is continued by its edge value).
     */
    private static double reflected(double[] v, int nx, int ny, int i, int j) {
        if (i < 0 || i >= nx) {
            int edge = i < 0 ? 0 : nx - 1;
            int inner = i < 0 ? Math.min(1, nx - 1) : Math.max(nx - 2, 0);
            return 2 * reflected(v, nx, ny, edge, j) - reflected(v, nx, ny, inner, j);
        }
        if (j < 0 || j >= ny) {
            int edge = j < 0 ? 0 : ny - 1;
            int inner = j < 0 ? Math.min(1, ny - 1) : Math.max(ny - 2, 0);
            return 2 * v[edge * nx + i] - v[inner * nx + i];
        }
        return v[j * nx + i];
    }

    public static PreprocessingStep.Result apply(ScanMap map, double k) {
        if (!(k > 0) || !Double.isFinite(k)) {
            throw new InvalidInputException("outlier threshold k must be positive, got " + k);
        }
        int nx = map.grid().nx();
        int ny = map.grid().ny();
        double[] v = map.values();
        double[] med = new double[v.length];
        double[] window = new double[9];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int n = 0;
                for (int q = j - 1; q <= j + 1; q++) {
                    for (int p = i - 1; p <= i + 1; p++) {
                        window[n++] = reflected(v, nx, ny, p, q);
                    }
                }
                med[j * nx + i] = LineLevelling.median(window.clone());
            }
        }
        double[] absResidual = new double[v.length];
        for (int q = 0; q < v.length; q++) {
            absResidual[q] = Math.abs(v[q] - med[q]);
        }
        double sigma = MAD_TO_SIGMA * LineLevelling.median(absResidual.clone());
        String estimator = "1.4826 MAD";
        if (sigma == 0) {
            // More than half the nodes equal their median (flat regions): the MAD is 0 and would flag
            // every other node. Fall back to the mean absolute residual, also consistent for Gaussian
            // noise with the factor sqrt(π/2).
            double sum = 0;
            for (double x : absResidual) {
                sum += x;
            }
            sigma = MEAN_ABS_TO_SIGMA * sum / absResidual.length;
            estimator = "1.2533 mean |r| (MAD is 0)";
        }
        double threshold = k * sigma;
        double[] out = v.clone();
        int replaced = 0;
        for (int q = 0; q < v.length; q++) {
            if (absResidual[q] > threshold) {
                out[q] = med[q];
                replaced++;
            }
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("filter", "3 x 3 median, odd reflection at the edges");
        p.put("k", k);
        p.put("robust_sigma", sigma);
        p.put("sigma_estimator", estimator);
        p.put("threshold", threshold);
        p.put("replaced_nodes", replaced);
        return new PreprocessingStep.Result(map.withValues(out), new PreprocessingStep("outlier-removal", p));
    }
}
