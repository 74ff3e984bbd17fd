package org.hafnia.postprocess.maps.preprocess;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.postprocess.maps.ScanMap;

/**
 * Registration by rotation, scale and translation, by brute-force search: for every candidate
 * angle θ (degrees, a grid of {@code step} on [−max, max]) and scale s, the moving map is
 * resampled as u(x) = m(c + s R(θ)(x − c)) about the map centre c (bilinear), and the remaining
 * translation and its correlation peak are found by {@link PhaseCorrelation}; the candidate with
 * the highest peak wins and its angle is refined by a parabola through the peaks of it and its
 * two neighbouring angles. The model is m(x) = a(T⁻¹x) with T a rotation by θ and a scaling by
 * 1/s about c, then a shift.
 */
public final class RotationScaleSearch {

    /**
     * @param angleDegrees rotation of the moving map relative to the reference
     * @param scale        scale s
     * @param shift        remaining translation after rotation and scaling
     */
    public record Similarity(double angleDegrees, double scale, PhaseCorrelation.Shift shift) {
    }

    private RotationScaleSearch() {
    }

    public static Similarity estimate(ScanMap reference, ScanMap moving, double maxAngleDegrees, double stepDegrees,
                                      double[] scales) {
        if (!(stepDegrees > 0) || !(maxAngleDegrees >= 0) || scales.length == 0) {
            throw new InvalidInputException("rotation search needs a positive angle step, a non-negative range and"
                    + " at least one scale");
        }
        int n = (int) Math.floor(maxAngleDegrees / stepDegrees + 1e-9);
        double bestPeak = Double.NEGATIVE_INFINITY;
        int bestK = 0;
        double bestScale = scales[0];
        double[] bestPeaks = null;
        for (double s : scales) {
            if (!(s > 0)) {
                throw new InvalidInputException("scales must be positive, got " + s);
            }
            double[] peaks = new double[2 * n + 1];
            for (int k = -n; k <= n; k++) {
                peaks[k + n] = PhaseCorrelation.estimate(reference, transformed(moving, k * stepDegrees, s)).peak();
                if (peaks[k + n] > bestPeak) {
                    bestPeak = peaks[k + n];
                    bestK = k;
                    bestScale = s;
                }
            }
            if (bestScale == s) {
                bestPeaks = Arrays.copyOf(peaks, peaks.length);
            }
        }
        double angle = bestK * stepDegrees;
        int i = bestK + n;
        if (i > 0 && i < bestPeaks.length - 1) {
            double l = bestPeaks[i - 1];
            double c = bestPeaks[i];
            double r = bestPeaks[i + 1];
            double denominator = l - 2 * c + r;
            if (denominator < 0) {
                angle += stepDegrees * 0.5 * (l - r) / denominator;
            }
        }
        PhaseCorrelation.Shift shift = PhaseCorrelation.estimate(reference, transformed(moving, angle, bestScale));
        return new Similarity(angle, bestScale, shift);
    }

    /** Estimates the similarity and maps the moving map back onto the reference. */
    public static PreprocessingStep.Result register(ScanMap reference, ScanMap moving, double maxAngleDegrees,
                                                    double stepDegrees, double[] scales) {
        Similarity s = estimate(reference, moving, maxAngleDegrees, stepDegrees, scales);
        PreprocessingStep.Result translated = PhaseCorrelation.register(reference,
                transformed(moving, s.angleDegrees(), s.scale()));
        Map<String, Object> p = new LinkedHashMap<>(translated.step().parameters());
        p.put("method", "brute-force rotation/scale search about the centre, parabola-refined angle; then "
                + translated.step().parameters().get("method"));
        p.put("angle_degrees", s.angleDegrees());
        p.put("scale", s.scale());
        p.put("angle_range_degrees", maxAngleDegrees);
        p.put("angle_step_degrees", stepDegrees);
        p.put("scales_tried", Arrays.stream(scales).boxed().toList());
        return new PreprocessingStep.Result(translated.map(), new PreprocessingStep("registration", p));
    }

    /** u(x) = m(c + s R(θ)(x − c)), bilinear, clamped at the edges (node units). */
    static ScanMap transformed(ScanMap m, double angleDegrees, double scale) {
        int nx = m.grid().nx();
        int ny = m.grid().ny();
        double[] v = m.values();
        double[] out = new double[v.length];
        double cx = 0.5 * (nx - 1);
        double cy = 0.5 * (ny - 1);
        double cos = Math.cos(Math.toRadians(angleDegrees)) * scale;
        double sin = Math.sin(Math.toRadians(angleDegrees)) * scale;
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                double x = cx + cos * (i - cx) - sin * (j - cy);
                double y = cy + sin * (i - cx) + cos * (j - cy);
                out[j * nx + i] = bilinear(v, nx, ny, x, y);
            }
        }
        return m.withValues(out);
    }

    static double bilinear(double[] v, int nx, int ny, double x, double y) {
        double cxl = Math.max(0, Math.min(nx - 1, x));
        double cyl = Math.max(0, Math.min(ny - 1, y));
        int i0 = Math.min((int) Math.floor(cxl), Math.max(0, nx - 2));
        int j0 = Math.min((int) Math.floor(cyl), Math.max(0, ny - 2));
        int i1 = Math.min(i0 + 1, nx - 1);
        int j1 = Math.min(j0 + 1, ny - 1);
        double fx = cxl - i0;
        double fy = cyl - j0;
        return (1 - fy) * ((1 - fx) * v[j0 * nx + i0] + fx * v[j0 * nx + i1])
                + fy * ((1 - fx) * v[j1 * nx + i0] + fx * v[j1 * nx + i1]);
    }
}
