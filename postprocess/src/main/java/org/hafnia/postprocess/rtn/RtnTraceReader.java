package org.hafnia.postprocess.rtn;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.io.NumericMatrix;
import org.hafnia.meshes.io.NumericMatrixReader;

/**
 * Reads a telegraph-noise trace CSV as published with Rao et al. (2023), Fig. S14: the header
 * {@value #HEADER}, then one sample per line: time (s), applied voltage (V), current (A).
 * Rejected with a message naming the file (and line): another header, a value that is not a
 * finite number, a row without three values, fewer than {@link #minSamples()} samples, a time
 * column that is not increasing at a uniform step (the median step, within 1 %).
 */
public final class RtnTraceReader {

    /** The instrument's header line (Keysight B1500 export of the published traces). */
    public static final String HEADER = "Time,MeasResult1_value,MeasResult2_value";

    /**
     * Relative tolerance of the time step: the published times are written with 4 decimals of
     * a second at a 2e-4 s step, so steps are exact to well below 1 %.
     */
    static final double STEP_TOLERANCE = 0.01;

    private final int minSamples;

    /** @param minSamples fewest samples a trace must hold (at least 2) */
    public RtnTraceReader(int minSamples) {
        if (minSamples < 2) {
            throw new IllegalArgumentException("minSamples must be at least 2, got " + minSamples);
        }
        this.minSamples = minSamples;
    }

    public int minSamples() {
        return minSamples;
    }

    public RtnTrace read(Path file) {
        String source = file.toString();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new InvalidInputException(source + ": empty file, expected the header " + HEADER);
            }
            String h = header.strip();
            if (!h.isEmpty() && h.charAt(0) == '\uFEFF') {
                h = h.substring(1).strip();
            }
            if (!h.replace(" ", "").equals(HEADER)) {
                throw new InvalidInputException(source + ": line 1: header '" + h + "', expected " + HEADER);
            }
            return toTrace(new NumericMatrixReader().read(in, source, 1), source);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(source + ": file not found");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InvalidInputException(source + ": not a UTF-8 text file", e);
        } catch (IOException e) {
            throw new InvalidInputException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    private RtnTrace toTrace(NumericMatrix m, String source) {
        if (m.cols() != 3) {
            throw new InvalidInputException(source + ": line " + m.lineNumbers()[0] + ": " + m.cols()
                    + " values, expected 3 (time s, voltage V, current A)");
        }
        int n = m.rows();
        if (n < minSamples) {
            throw new InvalidInputException(source + ": too few samples: " + n + ", expected at least " + minSamples);
        }
        double[] t = new double[n];
        double[] v = new double[n];
        double[] c = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = m.get(k, 0);
            v[k] = m.get(k, 1);
            c[k] = m.get(k, 2);
        }
        double[] steps = new double[n - 1];
        for (int k = 1; k < n; k++) {
            steps[k - 1] = t[k] - t[k - 1];
        }
        double step = new Median().evaluate(steps);
        if (!(step > 0)) {
            throw new InvalidInputException(source + ": the time column does not increase");
        }
        for (int k = 1; k < n; k++) {
            double dt = t[k] - t[k - 1];
            if (Math.abs(dt - step) > STEP_TOLERANCE * step) {
                throw new InvalidInputException(source + ": line " + m.lineNumbers()[k] + ": time step " + dt
                        + " s, expected the uniform step " + step + " s");
            }
        }
        return new RtnTrace(source, step, t, v, c);
    }
}
