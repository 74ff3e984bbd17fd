package org.hafnia.postprocess.maps.preprocess;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.Resampling;
import org.hafnia.meshes.ScalarField2D;
import org.hafnia.postprocess.maps.ScanMap;

/**
 * Resampling of a map onto an {@code nx × ny} simulation grid covering the same physical extent
 * ({@link Resampling}): area average when coarsening (conserves the integral), bilinear when
 * refining. Recorded: both shapes and the method.
 */
public final class GridResampling {

    private GridResampling() {
    }

    public static PreprocessingStep.Result apply(ScanMap map, int nx, int ny) {
        Grid2D src = map.grid();
        Grid2D target = Grid2D.ofExtent(nx, ny, src.width(), src.height(), src.unit());
        boolean coarsen = (long) nx * ny < (long) src.nx() * src.ny();
        ScalarField2D f = coarsen ? Resampling.areaAverage(map.field(), target) : Resampling.bilinear(map.field(), target);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("from", src.nx() + " x " + src.ny());
        p.put("to", nx + " x " + ny);
        p.put("method", coarsen ? "area average" : "bilinear");
        return new PreprocessingStep.Result(new ScanMap(f, map.zUnit(), map.title(), map.metadata(), map.sizeKnown()),
                new PreprocessingStep("resampling", p));
    }
}
