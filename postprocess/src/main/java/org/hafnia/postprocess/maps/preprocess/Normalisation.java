package org.hafnia.postprocess.maps.preprocess;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.postprocess.maps.ScanMap;

/**
 * Normalisation to [0, 1] by a map's own minimum and maximum, φ = (v − min) / (max − min), as the
 * published preparation of the C-AFM map (formats.md); recorded with min and max and the unit so
 * that {@link #invert} restores the values (physics.md §2: normalise only in a recorded,
 * reversible step).
 *
 * @param min  the minimum, in {@code unit}
 * @param max  the maximum, in {@code unit}
 * @param unit the value unit before normalisation
 */
public record Normalisation(double min, double max, String unit) {

    public Normalisation {
        if (!(max > min) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new InvalidInputException("cannot normalise: the map is constant or not finite (min " + min
                    + ", max " + max + ")");
        }
    }

    public static Normalisation of(ScanMap map) {
        return new Normalisation(map.field().min(), map.field().max(), map.zUnit());
    }

    /** Normalises {@code map} by its own extremes. */
    public static PreprocessingStep.Result apply(ScanMap map) {
        Normalisation n = of(map);
        double[] v = map.values();
        double[] out = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            out[k] = (v[k] - n.min) / (n.max - n.min);
        }
        return new PreprocessingStep.Result(map.withValues(out).labelledIn(""), n.step());
    }

    /** The values back in the original unit: v = min + (max − min) φ. */
    public ScanMap invert(ScanMap normalised) {
        double[] v = normalised.values();
        double[] out = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            out[k] = min + (max - min) * v[k];
        }
        return normalised.withValues(out).labelledIn(unit);
    }

    public PreprocessingStep step() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("formula", "phi = (v - min) / (max - min)");
        p.put("min", min);
        p.put("max", max);
        p.put("unit", unit);
        return new PreprocessingStep("normalisation", p);
    }
}
