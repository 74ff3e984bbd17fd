package org.hafnia.solver.kernels;

import org.hafnia.meshes.AxisBoundary;
import org.hafnia.meshes.BoundaryCondition;
import org.hafnia.solver.parallel.ParallelRows;

/**
 * A sweep of a 3-point-per-axis stencil over a cell-centred grid of nx × ny × nz nodes
 * (nz = 1 for 2D: the 5-point stencil), flat index (k·ny + j)·nx + i. The sweep runs over
 * "rows" r = k·ny + j, so {@link ParallelRows} splits 2D and 3D grids alike.
 *
 * <p>For a row whose y (and z) neighbour rows exist — inside the grid or wrapped round by a
 * periodic axis — the nodes 1 … nx−2 go to the subclass's branch-free row loop; the first and
 * last node of such rows and every node of the other rows go through {@link #node}, which builds
 * ghost values from the {@link BoundaryCondition} of the face (ghost = offset + scale · inside).
 * Both paths evaluate the same expression
 * L = cx (w + e − 2c) + cy (s + n − 2c) [+ cz (b + t − 2c)], so the split changes no bit.
 */
abstract class StencilSweep implements ParallelRows.RowRange {

    /** Marks a missing neighbour row: a non-periodic face, handled by the ghost formula. */
    private static final int GHOST = -1;

    final int nx;
    final int ny;
    final int nz;
    final boolean threeD;
    final double cx;
    final double cy;
    final double cz;
    private final AxisBoundary bx;
    private final AxisBoundary by;
    private final AxisBoundary bz;

    // Arrays of the current sweep, set by the caller before ParallelRows publishes the task.
    double[] src;
    double[] dst;

    /** @param bz the z axis, ignored when nz = 1 and the grid is 2D ({@code threeD} false) */
    StencilSweep(int nx, int ny, int nz, boolean threeD, double cx, double cy, double cz,
                 AxisBoundary bx, AxisBoundary by, AxisBoundary bz) {
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.threeD = threeD;
        this.cx = cx;
        this.cy = cy;
        this.cz = cz;
        this.bx = bx;
        this.by = by;
        this.bz = bz;
    }

    /** Number of nodes. */
    public final int size() {
        return nx * ny * nz;
    }

    final void sweep(double[] from, double[] to, ParallelRows rows) {
        if (from.length != size() || to.length != size()) {
            throw new IllegalArgumentException("fields have " + from.length + " and " + to.length
                    + " values, grid has " + size());
        }
        if (from == to) {
            throw new IllegalArgumentException("a stencil sweep needs distinct input and output arrays");
        }
        src = from;
        dst = to;
        try {
            rows.forEach(ny * nz, this);
        } finally {
            src = null;
            dst = null;
        }
    }

    @Override
    public final void run(int from, int to) {
        int plane = nx * ny;
        for (int r = from; r < to; r++) {
            int k = r / ny;
            int j = r - k * ny;
            int row = r * nx;
            int south = neighbourRow(row, j, ny, nx, by, -1);
            int north = neighbourRow(row, j, ny, nx, by, +1);
            int below = threeD ? neighbourRow(row, k, nz, plane, bz, -1) : 0;
            int above = threeD ? neighbourRow(row, k, nz, plane, bz, +1) : 0;
            boolean inner = south != GHOST && north != GHOST && below != GHOST && above != GHOST;
            if (inner && nx > 2) {
                node(row, 0, j, k);
                if (threeD) {
                    row7(row, south, north, below, above, 1, nx - 1);
                } else {
                    row5(row, south, north, 1, nx - 1);
                }
                node(row, nx - 1, j, k);
            } else {
                for (int i = 0; i < nx; i++) {
                    node(row, i, j, k);
                }
            }
        }
    }

    /** Offset of the neighbour row of {@code row} (node m of n along an axis with stride {@code stride}), or GHOST. */
    private static int neighbourRow(int row, int m, int n, int stride, AxisBoundary axis, int dir) {
        int next = m + dir;
        if (next >= 0 && next < n) {
            return row + dir * stride;
        }
        return axis.isPeriodic() ? row - dir * (n - 1) * stride : GHOST;
    }

    /** Updates node i of the row at offset {@code row} with branches for every face. */
    private void node(int row, int i, int j, int k) {
        double[] p = src;
        int idx = row + i;
        double c = p[idx];
        double w = bx.lowerNeighbour(p, idx, i, nx, 1);
        double e = bx.upperNeighbour(p, idx, i, nx, 1);
        double s = by.lowerNeighbour(p, idx, j, ny, nx);
        double n = by.upperNeighbour(p, idx, j, ny, nx);
        double lap = cx * (w + e - 2 * c) + cy * (s + n - 2 * c);
        if (threeD) {
            double b = bz.lowerNeighbour(p, idx, k, nz, nx * ny);
            double t = bz.upperNeighbour(p, idx, k, nz, nx * ny);
            lap += cz * (b + t - 2 * c);
        }
        dst[idx] = update(idx, c, lap);
    }

    /** The new value of node {@code idx} from its old value c and the weighted Laplacian sum L. */
    abstract double update(int idx, double c, double lap);

    /** Nodes [i0, i1) of a 2D row whose neighbour rows start at {@code south} and {@code north}. */
    abstract void row5(int row, int south, int north, int i0, int i1);

    /** Nodes [i0, i1) of a 3D row with neighbour rows in y (south, north) and z (below, above). */
    abstract void row7(int row, int south, int north, int below, int above, int i0, int i1);
}
