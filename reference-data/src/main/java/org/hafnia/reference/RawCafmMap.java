package org.hafnia.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.ScalarField2D;

/**
 * The authors' raw C-AFM map ({@code initial_state.json} in their data repository: a JSON array
 * of rows of raw current values, about 580 × 510) and its published preparation
 * (formats.md): normalise to [0, 1] by the map's own minimum and maximum, then keep every
 * {@value #STRIDE}th sample with the row order reversed: {@code out[0] = in[0]},
 * {@code out[i] = in[R − 10 i]} for i ≥ 1 while R − 10 i ≥ 1, and columns {@code 10 j}.
 * A 580 × 510 map gives the published 58 × 51.
 *
 * @param phi    the prepared map φ0 on a unit-spacing grid (row 0 = y = 0)
 * @param rawMin the raw map's minimum (the normalisation, recorded so it can be undone)
 * @param rawMax the raw map's maximum
 * @param rawRows rows of the raw map
 * @param rawCols columns of the raw map
 */
public record RawCafmMap(ScalarField2D phi, double rawMin, double rawMax, int rawRows, int rawCols) {

    /** Down-sampling factor of the published preparation. */
    public static final int STRIDE = 10;

    /** Reads and prepares {@code file}. */
    public static RawCafmMap prepare(Path file) {
        double[][] raw = read(file);
        int rows = raw.length;
        int cols = raw[0].length;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] r : raw) {
            for (double v : r) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (!(max > min)) {
            throw new InvalidInputException(file + ": the map is constant (" + min + "), it cannot be normalised");
        }
        int outRows = 1 + (rows - 1) / STRIDE;
        int outCols = 1 + (cols - 1) / STRIDE;
        double[] out = new double[outRows * outCols];
        for (int i = 0; i < outRows; i++) {
            double[] src = raw[i == 0 ? 0 : rows - STRIDE * i];
            for (int j = 0; j < outCols; j++) {
                out[i * outCols + j] = (src[STRIDE * j] - min) / (max - min);
            }
        }
        return new RawCafmMap(new ScalarField2D(Grid2D.unitSpacing(outCols, outRows), out), min, max, rows, cols);
    }

    private static double[][] read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.newBufferedReader(file));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": file not found");
        } catch (JsonParseException e) {
            throw new InvalidInputException(file + ": not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new InvalidInputException(file + ": expected a JSON array of rows of numbers");
        }
        double[][] raw = new double[root.size()][];
        for (int r = 0; r < root.size(); r++) {
            JsonNode row = root.get(r);
            if (!row.isArray() || row.isEmpty()) {
                throw new InvalidInputException(file + ": row " + r + " is not a non-empty array of numbers");
            }
            if (r > 0 && row.size() != raw[0].length) {
                throw new InvalidInputException(file + ": row " + r + " has " + row.size() + " values, expected "
                        + raw[0].length + " as row 0 (ragged map)");
            }
            raw[r] = new double[row.size()];
            for (int c = 0; c < row.size(); c++) {
                JsonNode v = row.get(c);
                if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                    throw new InvalidInputException(file + ": row " + r + ", column " + c + ": '" + v
                            + "' is not a finite number");
                }
                raw[r][c] = v.asDouble();
            }
        }
        return raw;
    }
}
