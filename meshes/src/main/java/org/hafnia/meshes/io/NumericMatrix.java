package org.hafnia.meshes.io;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.ScalarField2D;

/**
 * A rectangular matrix of numbers read from a text file, row-major, line 1 of the data = row 0.
 *
 * @param source where it came from (a file name), for messages
 * @param rows number of rows
 * @param cols number of columns
 * @param values row-major values
 * @param lineNumbers line number (1-based) in the source of each row, for messages
 */
public record NumericMatrix(String source, int rows, int cols, double[] values, int[] lineNumbers) {

    public double get(int row, int col) {
        return values[row * cols + col];
    }

    /**
     * Checks every value lies in {@code [lo, hi]}, naming the first offender by line and column.
     *
     * @param what what the values are, e.g. "φ"
     */
    public NumericMatrix requireWithin(double lo, double hi, String what) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = values[r * cols + c];
                if (!(v >= lo && v <= hi)) {
                    throw new InvalidInputException(source + ": line " + lineNumbers[r] + ", column " + (c + 1)
                            + ": " + what + " = " + v + " is outside [" + lo + ", " + hi + "]");
                }
            }
        }
        return this;
    }

    /** Requires exactly {@code expectedRows × expectedCols}. */
    public NumericMatrix requireShape(int expectedRows, int expectedCols) {
        if (rows != expectedRows || cols != expectedCols) {
            throw new InvalidInputException(source + ": expected " + expectedRows + " rows × " + expectedCols
                    + " columns, found " + rows + " × " + cols);
        }
        return this;
    }

    /** The matrix as a field on {@code grid} (row = y), which must have the same shape. */
    public ScalarField2D toField(Grid2D grid) {
        requireShape(grid.ny(), grid.nx());
        return new ScalarField2D(grid, values.clone());
    }

    /** The matrix as a field on a unit-spacing grid of its own shape. */
    public ScalarField2D toField() {
        return toField(Grid2D.unitSpacing(cols, rows));
    }
}
