package org.hafnia.meshes.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.MemoryBudget;

/**
 * Reads a numeric matrix from text: one row per line, values separated by commas, semicolons,
 * tabs or blanks (detected from the first data line). Blank lines and lines starting with
 * {@code #} are skipped. Every defect is reported with the file, line and column: a value that
 * is not a number, NaN or infinity (unless allowed), a row whose length differs from the first,
 * an empty file.
 */
public final class NumericMatrixReader {

    private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");
    private static final Pattern SEMICOLON = Pattern.compile("\\s*;\\s*");
    private static final Pattern TAB = Pattern.compile("\\s*\\t\\s*");
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    private boolean allowNonFinite;

    /** Accept NaN and ±Infinity values (masked regions) instead of rejecting them. */
    public NumericMatrixReader allowNonFinite(boolean allow) {
        this.allowNonFinite = allow;
        return this;
    }

    public NumericMatrix read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": file not found");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidInputException(file + ": not UTF-8 text (a binary file?)", e);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    public NumericMatrix read(Reader reader, String source) throws IOException {
        return read(reader, source, 0);
    }

    /**
     * Reads the rest of a text whose first {@code linesAlreadyRead} lines (a header) the caller
     * has consumed, so that messages and {@link NumericMatrix#lineNumbers()} give file lines.
     */
    public NumericMatrix read(Reader reader, String source, int linesAlreadyRead) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<double[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        Pattern separator = null;
        int cols = -1;
        int firstLine = -1;
        String line;
        int lineNo = linesAlreadyRead;
        while ((line = in.readLine()) != null) {
            lineNo++;
            String t = line.strip();
            if (lineNo == 1 && !t.isEmpty() && t.charAt(0) == '\uFEFF') {
                t = t.substring(1).strip();
            }
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (separator == null) {
                separator = t.contains(",") ? COMMA : t.contains(";") ? SEMICOLON : t.contains("\t") ? TAB : BLANKS;
            }
            String[] parts = separator.split(t, -1);
            if (cols < 0) {
                cols = parts.length;
                firstLine = lineNo;
            } else if (parts.length != cols) {
                throw new InvalidInputException(source + ": line " + lineNo + ": " + parts.length
                        + " values, expected " + cols + " as on line " + firstLine + " (ragged matrix)");
            }
            double[] row = new double[cols];
            for (int c = 0; c < cols; c++) {
                row[c] = parse(parts[c], source, lineNo, c + 1);
            }
            rows.add(row);
            lines.add(lineNo);
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException(source + ": no numeric rows found (empty file)");
        }
        MemoryBudget.requireDoubles(rows.size(), cols, 1, 1, source + ": a " + cols + " × " + rows.size() + " matrix");
        double[] values = new double[rows.size() * cols];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r), 0, values, r * cols, cols);
            rows.set(r, null); // each row is garbage once copied: the peak stays near two copies, not three
        }
        return new NumericMatrix(source, rows.size(), cols, values, lines.stream().mapToInt(Integer::intValue).toArray());
    }

    private double parse(String token, String source, int line, int col) {
        String s = token.strip();
        if (s.isEmpty()) {
            throw new InvalidInputException(source + ": line " + line + ", column " + col + ": empty value, expected a number");
        }
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(source + ": line " + line + ", column " + col + ": '" + s
                    + "' is not a number");
        }
        if (!allowNonFinite && !Double.isFinite(v)) {
            throw new InvalidInputException(source + ": line " + line + ", column " + col + ": " + s
                    + " is not a finite number");
        }
        return v;
    }
}
