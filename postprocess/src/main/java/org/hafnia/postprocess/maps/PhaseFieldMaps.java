package org.hafnia.postprocess.maps;

import java.nio.file.Path;
import java.util.Locale;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.ScalarField2D;
import org.hafnia.meshes.io.NumericMatrixReader;

/**
 * Reads a channel map φ (values in [0, 1], row 0 = y = 0) from any map format. CSV/TSV go
 * through {@link NumericMatrixReader} so a bad value is named by line and column; the other
 * formats ({@link MapFormats}) name the node (x, y).
 */
public final class PhaseFieldMaps {

    private PhaseFieldMaps() {
    }

    /** The map on a unit-spacing grid of its own shape. */
    public static ScalarField2D read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".tsv")) {
            return new NumericMatrixReader().read(file).requireWithin(0, 1, "φ").toField();
        }
        ScanMap map = MapFormats.read(file).requireFinite(file.toString());
        double[] v = map.values();
        int nx = map.grid().nx();
        for (int k = 0; k < v.length; k++) {
            if (!(v[k] >= 0 && v[k] <= 1)) {
                throw new InvalidInputException(file + ": node (x " + (k % nx) + ", y " + (k / nx) + "): φ = "
                        + v[k] + " is outside [0.0, 1.0]");
            }
        }
        return new ScalarField2D(Grid2D.unitSpacing(nx, map.grid().ny()), v.clone());
    }
}
