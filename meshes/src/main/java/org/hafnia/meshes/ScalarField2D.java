package org.hafnia.meshes;

import java.util.Arrays;

/**
 * A scalar field over a {@link Grid2D}, stored in one flat row-major array that kernels read
 * and write directly ({@link #values()} is not copied).
 */
public final class ScalarField2D {
    private final Grid2D grid;
    private final double[] values;

    /** Wraps {@code values} (not copied); its length must equal the grid's node count. */
    public ScalarField2D(Grid2D grid, double[] values) {
        if (values.length != grid.size()) {
            throw new IllegalArgumentException("field has " + values.length + " values but grid "
                    + grid.nx() + " × " + grid.ny() + " has " + grid.size() + " nodes");
        }
        this.grid = grid;
        this.values = values;
    }

    public ScalarField2D(Grid2D grid) {
        this(grid, new double[grid.size()]);
    }

    public static ScalarField2D constant(Grid2D grid, double value) {
        double[] v = new double[grid.size()];
        Arrays.fill(v, value);
        return new ScalarField2D(grid, v);
    }

    public Grid2D grid() {
        return grid;
    }

    /** The backing array, row-major with the row index along y. */
    public double[] values() {
        return values;
    }

    public double get(int i, int j) {
        return values[grid.index(i, j)];
    }

    public void set(int i, int j, double value) {
        values[grid.index(i, j)] = value;
    }

    public ScalarField2D copy() {
        return new ScalarField2D(grid, values.clone());
    }

    /** Row {@code j} as a new array of {@code nx} values. */
    public double[] row(int j) {
        return Arrays.copyOfRange(values, j * grid.nx(), (j + 1) * grid.nx());
    }

    public double min() {
        double m = Double.POSITIVE_INFINITY;
        for (double v : values) {
            m = Math.min(m, v);
        }
        return m;
    }

    public double max() {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** Sum of the values in index order (deterministic). */
    public double sum() {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    public double mean() {
        return sum() / values.length;
    }

    /** Integral over the domain, Σ v · dx · dy, in value × unit². */
    public double integral() {
        return sum() * grid.cellArea();
    }

    /** A new field with the row order reversed (y → height − y), as image formats need. */
    public ScalarField2D flippedVertically() {
        int nx = grid.nx();
        int ny = grid.ny();
        double[] out = new double[values.length];
        for (int j = 0; j < ny; j++) {
            System.arraycopy(values, j * nx, out, (ny - 1 - j) * nx, nx);
        }
        return new ScalarField2D(grid, out);
    }
}
