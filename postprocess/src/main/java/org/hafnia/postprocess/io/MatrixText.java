package org.hafnia.postprocess.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.hafnia.meshes.ScalarField2D;

/**
 * Writes a 2D field as a text matrix: one line per row (line 1 = row 0 = y = 0), values
 * separated by {@code separator}, each in the shortest decimal form that reads back to the same
 * double (so files round-trip exactly).
 */
public final class MatrixText {

    private MatrixText() {
    }

    public static AtomicFiles.Content csv(ScalarField2D field) {
        return out -> write(field, ",", out);
    }

    public static AtomicFiles.Content tsv(ScalarField2D field) {
        return out -> write(field, "\t", out);
    }

    public static void write(ScalarField2D field, String separator, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        int nx = field.grid().nx();
        int ny = field.grid().ny();
        double[] v = field.values();
        StringBuilder line = new StringBuilder(nx * 12);
        for (int j = 0; j < ny; j++) {
            line.setLength(0);
            for (int i = 0; i < nx; i++) {
                if (i > 0) {
                    line.append(separator);
                }
                line.append(v[j * nx + i]);
            }
            line.append('\n');
            w.write(line.toString());
        }
        w.flush();
    }
}
