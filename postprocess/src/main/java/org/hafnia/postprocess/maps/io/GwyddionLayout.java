package org.hafnia.postprocess.maps.io;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.postprocess.maps.ScanMap;
import org.hafnia.postprocess.maps.SiUnits;

/**
 * What Gwyddion's binary formats share (formats.md): values in base SI units, the first stored
 * row at the top of the image (largest y), X fastest, and the lateral size in metres (or, for a
 * map in reduced units, in those units with an empty unit string).
 */
final class GwyddionLayout {

    /**
     * Metadata entry marking a map whose physical size was unknown: Gwyddion needs a size, so such
     * a map is written as one reduced unit per pixel and read back without a size.
     */
    static final String SIZE_UNKNOWN_KEY = "hafnia_size";
    static final String SIZE_UNKNOWN_VALUE = "unknown (written as one reduced unit per pixel)";

    private GwyddionLayout() {
    }

    /** The map's values in base SI units, top row first. */
    static double[] topRowFirst(ScanMap map) {
        double factor = SiUnits.split(map.zUnit()).factor();
        return flip(map.values(), map.grid().nx(), map.grid().ny(), factor);
    }

    /** Stored values (top row first) as our rows (row 0 = y = 0), each multiplied by {@code factor}. */
    static double[] bottomRowFirst(double[] stored, int nx, int ny, double factor) {
        return flip(stored, nx, ny, factor);
    }

    private static double[] flip(double[] v, int nx, int ny, double factor) {
        double[] out = new double[v.length];
        for (int j = 0; j < ny; j++) {
            int src = (ny - 1 - j) * nx;
            for (int i = 0; i < nx; i++) {
                out[j * nx + i] = v[src + i] * factor;
            }
        }
        return out;
    }

    /** The base SI unit of the values, e.g. {@code A} for {@code pA}. */
    static String zBase(ScanMap map) {
        return SiUnits.split(map.zUnit()).base();
    }

    /** Metres per grid unit; 1 for reduced units, which are written as they are. */
    static double metresPerUnit(Grid2D g) {
        return g.unit() == LengthUnit.REDUCED ? 1 : g.unit().metres();
    }

    /** The lateral unit string written: {@code m}, or empty for reduced units. */
    static String xyUnit(Grid2D g) {
        return g.unit() == LengthUnit.REDUCED ? "" : "m";
    }
}
