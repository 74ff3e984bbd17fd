package org.hafnia.postprocess.maps.preprocess;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hafnia.postprocess.maps.ScanMap;

/**
 * Scan-line levelling by median line offset: each row (a fast-scan line along x) is shifted so
 * that its median equals the median of all row medians, which removes line-to-line offsets of
 * the tip without changing the overall level. The median is robust to the channels themselves
 * (Gwyddion's "median of differences"/"median" row alignment works the same way). Recorded: the
 * common level and the largest and smallest offset removed.
 */
public final class LineLevelling {

    private LineLevelling() {
    }

    public static PreprocessingStep.Result apply(ScanMap map) {
        int nx = map.grid().nx();
        int ny = map.grid().ny();
        double[] v = map.values();
        double[] medians = new double[ny];
        for (int j = 0; j < ny; j++) {
            medians[j] = median(map.field().row(j));
        }
        double level = median(medians.clone());
        double[] out = new double[v.length];
        double maxOffset = Double.NEGATIVE_INFINITY;
        double minOffset = Double.POSITIVE_INFINITY;
        for (int j = 0; j < ny; j++) {
            double offset = medians[j] - level;
            maxOffset = Math.max(maxOffset, offset);
            minOffset = Math.min(minOffset, offset);
            for (int i = 0; i < nx; i++) {
                out[j * nx + i] = v[j * nx + i] - offset;
            }
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("lines", "rows (along x)");
        p.put("level", level);
        p.put("max_offset_removed", maxOffset);
        p.put("min_offset_removed", minOffset);
        return new PreprocessingStep.Result(map.withValues(out), new PreprocessingStep("line-levelling", p));
    }

    /** Median of {@code a} (sorted in place); the mean of the two middle values for even length. */
    static double median(double[] a) {
        Arrays.sort(a);
        int n = a.length;
        return n % 2 == 1 ? a[n / 2] : 0.5 * (a[n / 2 - 1] + a[n / 2]);
    }
}
