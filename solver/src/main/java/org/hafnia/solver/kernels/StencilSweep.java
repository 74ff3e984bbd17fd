package org.hafnia.solver.kernels;

import org.hafnia.meshes.AxisBoundary;
import org.hafnia.meshes.BoundaryCondition;
import org.hafnia.solver.parallel.ParallelRows;

/**
 * A sweep of a 3-point-per-axis stencil over a cell-centred grid of nx × ny × nz nodes
 * (nz = 1 for 2D: the 5-point stencil), flat index (k·ny + j)·nx + i. The sweep runs over
 * "rows" r = k·ny + j, so {@link ParallelRows} splits 2D and 3D grids alike.
 *
 * <p>Every row's nodes 1 … nx−2 go to the subclass's branch-free row loop (scalar, or SIMD on the
 * Vector API when {@link VectorSupport#available()}). Its y and z neighbour rows are rows of the
 * grid, rows wrapped round by a periodic axis, or — at a non-periodic face — a ghost row built
 * in a per-thread buffer with the face's formula ghost = offset + scale · inside. The first and
 * last node of every row go through {@link #node}, which applies the ghost formula of every face
 * node by node. All paths evaluate the same expression
 * L = cx (w + e − 2c) + cy (s + n − 2c) [+ cz (b + t − 2c)] on the same values, so the split
 * changes no bit.
 */
abstract class StencilSweep implements ParallelRows.RowRange {

    /** Marks a missing neighbour row: a non-periodic face, handled by the ghost formula. */
    private static final int GHOST = -1;

    /** The per-thread row buffers: allocated on a thread's first sweep and when a wider grid comes. */
    private static final ThreadLocal<Rows> BUFFERS = ThreadLocal.withInitial(Rows::new);

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
    /** Whether the interior rows run on the Vector API; true by default when it is available. */
    boolean vector;

    // Arrays of the current sweep, set by the caller before ParallelRows publishes the task.
    double[] src;
    double[] dst;

    /**
     * The neighbour rows of the row being swept (array and offset of node i = 0) and the
     * per-thread buffers: ghost rows of the four y/z faces, f' and the noise increment per node.
     */
    static final class Rows {
        double[] south;
        int southOffset;
        double[] north;
        int northOffset;
        double[] below;
        int belowOffset;
        double[] above;
        int aboveOffset;
        double[] ghostSouth = new double[0];
        double[] ghostNorth = new double[0];
        double[] ghostBelow = new double[0];
        double[] ghostAbove = new double[0];
        double[] derivative = new double[0];
        double[] noise = new double[0];

        void ensure(int n) {
            if (derivative.length < n) {
                ghostSouth = new double[n];
                ghostNorth = new double[n];
                ghostBelow = new double[n];
                ghostAbove = new double[n];
                derivative = new double[n];
                noise = new double[n];
            }
        }
    }

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
        this.vector = VectorSupport.available();
    }

    /** Number of nodes. */
    public final int size() {
        return nx * ny * nz;
    }

    /** Whether the interior rows run on the Vector API (SIMD) rather than the scalar loop. */
    public final boolean vectorised() {
        return vector;
    }

    /**
     * Chooses the SIMD rows ({@code true}; refused when the Vector API is not available) or the
     * scalar reference rows. Both give the same bits; the choice is for tests and measurements.
     */
    public final void vectorised(boolean on) {
        if (on && !VectorSupport.available()) {
            throw new IllegalStateException("the Vector API (" + VectorSupport.MODULE + ") is not available: "
                    + "start the JVM with --add-modules " + VectorSupport.MODULE);
        }
        this.vector = on;
    }

    final void sweep(double[] from, double[] to, ParallelRows rows) {
        begin(from, to);
        try {
            rows.forEach(ny * nz, this);
        } finally {
            src = null;
            dst = null;
        }
    }

    /** The sweep on the calling thread alone (a batch worker's device). */
    final void sweepHere(double[] from, double[] to) {
        begin(from, to);
        try {
            run(0, ny * nz);
        } finally {
            src = null;
            dst = null;
        }
    }

    private void begin(double[] from, double[] to) {
        if (from.length != size() || to.length != size()) {
            throw new IllegalArgumentException("fields have " + from.length + " and " + to.length
                    + " values, grid has " + size());
        }
        if (from == to) {
            throw new IllegalArgumentException("a stencil sweep needs distinct input and output arrays");
        }
        src = from;
        dst = to;
    }

    @Override
    public final void run(int from, int to) {
        Rows rows = BUFFERS.get();
        rows.ensure(nx);
        double[] p = src;
        int plane = nx * ny;
        for (int r = from; r < to; r++) {
            int k = r / ny;
            int j = r - k * ny;
            int row = r * nx;
            int south = neighbourRow(row, j, ny, nx, by, -1);
            int north = neighbourRow(row, j, ny, nx, by, +1);
            rows.south = south == GHOST ? ghostRow(p, row, by.low(), rows.ghostSouth) : p;
            rows.southOffset = south == GHOST ? 0 : south;
            rows.north = north == GHOST ? ghostRow(p, row, by.high(), rows.ghostNorth) : p;
            rows.northOffset = north == GHOST ? 0 : north;
            if (threeD) {
                int below = neighbourRow(row, k, nz, plane, bz, -1);
                int above = neighbourRow(row, k, nz, plane, bz, +1);
                rows.below = below == GHOST ? ghostRow(p, row, bz.low(), rows.ghostBelow) : p;
                rows.belowOffset = below == GHOST ? 0 : below;
                rows.above = above == GHOST ? ghostRow(p, row, bz.high(), rows.ghostAbove) : p;
                rows.aboveOffset = above == GHOST ? 0 : above;
            }
            if (nx > 2) {
                node(row, 0, j, k);
                interior(row, rows, 1, nx - 1);
                node(row, nx - 1, j, k);
            } else {
                for (int i = 0; i < nx; i++) {
                    node(row, i, j, k);
                }
            }
        }
    }

    /** Fills {@code ghost} with the ghost row of a face, offset + scale · (the row at {@code row}). */
    private double[] ghostRow(double[] p, int row, BoundaryCondition face, double[] ghost) {
        double offset = face.ghostOffset();
        double scale = face.ghostScale();
        for (int i = 0; i < nx; i++) {
            ghost[i] = offset + scale * p[row + i];
        }
        return ghost;
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

    /** Whether the nodes [i0, i1) of a row go to the SIMD row (at least one full vector). */
    final boolean simd(int i0, int i1) {
        return vector && i1 - i0 >= VectorRows.lanes();
    }

    /** The new value of node {@code idx} from its old value c and the weighted Laplacian sum L. */
    abstract double update(int idx, double c, double lap);

    /**
     * Nodes [i0, i1) of the row at offset {@code row}, whose x neighbours are inside the row and
     * whose y (and z) neighbour rows are those of {@code rows}.
     */
    abstract void interior(int row, Rows rows, int i0, int i1);
}
