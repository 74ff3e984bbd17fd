package org.hafnia.meshes;

import java.util.Arrays;

/** A scalar field over a {@link Grid3D}, stored in one flat array (x fastest, then y, then z). */
public final class ScalarField3D {
    private final Grid3D grid;
    private final double[] values;

    /** Wraps {@code values} (not copied); its length must equal the grid's node count. */
    public ScalarField3D(Grid3D grid, double[] values) {
        if (values.length != grid.size()) {
            throw new IllegalArgumentException("field has " + values.length + " values but grid has "
                    + grid.size() + " nodes");
        }
        this.grid = grid;
        this.values = values;
    }

    public ScalarField3D(Grid3D grid) {
        this(grid, new double[grid.size()]);
    }

    public static ScalarField3D constant(Grid3D grid, double value) {
        double[] v = new double[grid.size()];
        Arrays.fill(v, value);
        return new ScalarField3D(grid, v);
    }

    public Grid3D grid() {
        return grid;
    }

    public double[] values() {
        return values;
    }

    public double get(int i, int j, int k) {
        return values[grid.index(i, j, k)];
    }

    public void set(int i, int j, int k, double value) {
        values[grid.index(i, j, k)] = value;
    }

    public ScalarField3D copy() {
        return new ScalarField3D(grid, values.clone());
    }

    /** The z layer {@code k} as a 2D field (copied). */
    public ScalarField2D layer(int k) {
        int n = grid.nx() * grid.ny();
        return new ScalarField2D(grid.layer(), Arrays.copyOfRange(values, k * n, (k + 1) * n));
    }

    public double sum() {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    /** Integral over the domain, Σ v · dx · dy · dz. */
    public double integral() {
        return sum() * grid.cellVolume();
    }
}
