package org.hafnia.solver.kernels;

/**
 * The orthonormal 2D cosine transform (DCT-II on each axis) of an n_y × n_x row-major grid, the
 * basis of the cell-centred 5-point Laplacian with zero-flux sides:
 * X̂ = C_y X C_xᵀ, X = C_yᵀ X̂ C_x, C_mi = w_m cos(π m (i + ½)/n), w_0 = √(1/n), w_m = √(2/n).
 *
 * <p>Computed with one even/odd split per axis, which halves the multiplications of the dense
 * products: C_m,n−1−i = (−1)^m C_mi, so the even modes are the products of the
 * ⌈n/2⌉ sums u_i = x_i + x_(n−1−i) (the middle node alone when n is odd) and the odd modes those
 * of the ⌊n/2⌋ differences v_i = x_i − x_(n−1−i), each with the left half of C; the inverse forms
 * the two halves' products p, q and returns x_i = p_i + q_i, x_(n−1−i) = p_i − q_i. The products are
 * {@link MatrixProduct}s, the sums and differences {@link VectorCosine}'s (SIMD where the Vector API is
 * available; the same bits on both paths).
 *
 * <p><b>Mode order.</b> Along each axis the modes are stored even first: position s holds mode
 * m = 2s for s &lt; ⌈n/2⌉, else m = 2(s − ⌈n/2⌉) + 1 ({@link #mode}); the mode (m_x, m_y) is at
 * position(m_y)·n_x + position(m_x).
 *
 * <p><b>Round-off.</b> The basis is the left half of each C, computed as {@link #basis} does; the
 * right half is its mirror image, C_m,n−1−i = (−1)^m C_mi, exact (and C_m,mid = 0 for an odd mode
 * at the middle node of an odd n). The dense product with the full computed basis has the rounding of
 * the cosine's argument in its right half as well (≈ m·u absolute per entry), and sums in another
 * grouping, so the two agree to round-off, not bit for bit. Against the exact transform with the
 * mirrored basis Ĉ, each axis adds one rounding of the butterfly (u = 2⁻⁵³) and that of a dot
 * product of length k = ⌈n/2⌉ (γ_k = k u/(1 − k u) of Σ|a_i b_i|), so every entry of either transform
 * is within {@link #bound} = ((n_x + n_y)/2 + 4) u of the exact one, relative to the same transform
 * of |X| with |Ĉ| (for n ≤ 10⁶, where γ_k ≤ 1.000001 k u). {@code CosineTransformTest} checks both
 * transforms against a double-double evaluation within that bound.
 * Not thread-safe (two work arrays); {@link #copy} shares the bases.
 */
public final class CosineTransform {

    /** One axis: its size, the even and odd mode counts, and the left halves of C and their transposes. */
    private record Axis(int n, int even, int odd, double[] e, double[] et, double[] o, double[] ot) {

        static Axis of(int n) {
            int even = (n + 1) / 2;
            int odd = n / 2;
            double[] e = new double[even * even];
            double[] et = new double[even * even];
            for (int s = 0; s < even; s++) {
                for (int i = 0; i < even; i++) {
                    double c = basis(n, 2 * s, i);
                    e[s * even + i] = c;
                    et[i * even + s] = c;
                }
            }
            double[] o = new double[odd * odd];
            double[] ot = new double[odd * odd];
            for (int s = 0; s < odd; s++) {
                for (int i = 0; i < odd; i++) {
                    double c = basis(n, 2 * s + 1, i);
                    o[s * odd + i] = c;
                    ot[i * odd + s] = c;
                }
            }
            return new Axis(n, even, odd, e, et, o, ot);
        }
    }

    private final int nx;
    private final int ny;
    private final Axis x;
    private final Axis y;
    private final double[] a;
    private final double[] b;

    /** The transform of an {@code ny} × {@code nx} grid (both ≥ 1). */
    public CosineTransform(int nx, int ny) {
        if (nx < 1 || ny < 1) {
            throw new IllegalArgumentException("cosine transform of a " + nx + " × " + ny + " grid");
        }
        this.nx = nx;
        this.ny = ny;
        this.x = Axis.of(nx);
        this.y = ny == nx ? x : Axis.of(ny);
        this.a = new double[nx * ny];
        this.b = new double[nx * ny];
    }

    private CosineTransform(CosineTransform o) {
        this.nx = o.nx;
        this.ny = o.ny;
        this.x = o.x;
        this.y = o.y;
        this.a = new double[nx * ny];
        this.b = new double[nx * ny];
    }

    /** A transform of the same grid with its own work arrays (the bases are shared: never written). */
    public CosineTransform copy() {
        return new CosineTransform(this);
    }

    /**
     * The relative round-off bound of the class comment, ((n_x + n_y)/2 + 4) 2⁻⁵³: per axis γ_⌈n/2⌉ + u
     * ≤ (n/2 + 1.5) u, and the product of the two axes' (1 + ε) adds less than 1e-20.
     */
    public static double bound(int nx, int ny) {
        return ((nx + ny) / 2.0 + 4) * 0x1p-53;
    }

    /** C_mi = w_m cos(π m (i + ½)/n) of the orthonormal DCT-II of size n. */
    public static double basis(int n, int m, int i) {
        double w = Math.sqrt((m == 0 ? 1.0 : 2.0) / n);
        return w * Math.cos(Math.PI * m * (i + 0.5) / n);
    }

    /** The mode stored at position {@code s} of an axis of {@code n} nodes (even modes first). */
    public static int mode(int s, int n) {
        int even = (n + 1) / 2;
        return s < even ? 2 * s : 2 * (s - even) + 1;
    }

    /**
     * Nodes → modes: {@code out} = C_y X C_xᵀ in the mode order of the class comment.
     *
     * @param vectorised SIMD products where the Vector API is available (the same bits either way)
     */
    public void forward(double[] in, double[] out, boolean vectorised) {
        check(in, out);
        // Rows: sums and differences of mirrored nodes, then their halves of C_xᵀ.
        boolean simd = vectorised && VectorSupport.available();
        for (int r = 0; r < ny; r++) {
            int row = r * nx;
            int i = simd ? VectorCosine.foldRow(in, row, nx, x.even, x.odd, a) : 0;
            for (; i < x.odd; i++) {
                double p = in[row + i];
                double q = in[row + nx - 1 - i];
                a[row + i] = p + q;
                a[row + x.even + i] = p - q;
            }
            if (x.even > x.odd) {
                a[row + x.odd] = in[row + x.odd];
            }
        }
        MatrixProduct.multiply(a, 0, nx, x.et, 0, x.even, b, 0, nx, ny, x.even, x.even, vectorised);
        MatrixProduct.multiply(a, x.even, nx, x.ot, 0, x.odd, b, x.even, nx, ny, x.odd, x.odd, vectorised);
        // Columns: the same with whole rows, then the halves of C_y.
        for (int j = 0; j < y.odd; j++) {
            int lo = j * nx;
            int hi = (ny - 1 - j) * nx;
            int sum = j * nx;
            int diff = (y.even + j) * nx;
            for (int i = simd ? VectorCosine.sumsAndDifferences(b, lo, hi, a, sum, diff, nx) : 0; i < nx; i++) {
                double p = b[lo + i];
                double q = b[hi + i];
                a[sum + i] = p + q;
                a[diff + i] = p - q;
            }
        }
        if (y.even > y.odd) {
            System.arraycopy(b, y.odd * nx, a, y.odd * nx, nx);
        }
        MatrixProduct.multiply(y.e, 0, y.even, a, 0, nx, out, 0, nx, y.even, y.even, nx, vectorised);
        MatrixProduct.multiply(y.o, 0, y.odd, a, y.even * nx, nx, out, y.even * nx, nx, y.odd, y.odd, nx, vectorised);
    }

    /**
     * Modes → nodes: {@code out} = C_yᵀ X̂ C_x + {@code offset} (added to each node's sum last), the modes
     * in the order of the class comment.
     */
    public void inverse(double[] in, double[] out, double offset, boolean vectorised) {
        check(in, out);
        boolean simd = vectorised && VectorSupport.available();
        MatrixProduct.multiply(y.et, 0, y.even, in, 0, nx, a, 0, nx, y.even, y.even, nx, vectorised);
        MatrixProduct.multiply(y.ot, 0, y.odd, in, y.even * nx, nx, a, y.even * nx, nx, y.odd, y.odd, nx, vectorised);
        for (int j = 0; j < y.odd; j++) {
            int lo = j * nx;
            int hi = (ny - 1 - j) * nx;
            int p = j * nx;
            int q = (y.even + j) * nx;
            for (int i = simd ? VectorCosine.sumsAndDifferences(a, p, q, b, lo, hi, nx) : 0; i < nx; i++) {
                double s = a[p + i];
                double d = a[q + i];
                b[lo + i] = s + d;
                b[hi + i] = s - d;
            }
        }
        if (y.even > y.odd) {
            System.arraycopy(a, y.odd * nx, b, y.odd * nx, nx);
        }
        MatrixProduct.multiply(b, 0, nx, x.e, 0, x.even, a, 0, nx, ny, x.even, x.even, vectorised);
        MatrixProduct.multiply(b, x.even, nx, x.o, 0, x.odd, a, x.even, nx, ny, x.odd, x.odd, vectorised);
        for (int r = 0; r < ny; r++) {
            int row = r * nx;
            for (int i = simd ? VectorCosine.unfoldRow(a, row, nx, x.even, x.odd, offset, out) : 0; i < x.odd; i++) {
                double s = a[row + i];
                double d = a[row + x.even + i];
                out[row + i] = (s + d) + offset;
                out[row + nx - 1 - i] = (s - d) + offset;
            }
            if (x.even > x.odd) {
                out[row + x.odd] = a[row + x.odd] + offset;
            }
        }
    }

    private void check(double[] in, double[] out) {
        if (in.length != nx * ny || out.length != nx * ny || in == out) {
            throw new IllegalArgumentException("cosine transform of " + nx + " × " + ny + " needs two distinct arrays of "
                    + nx * ny + ", got " + in.length + " and " + out.length);
        }
    }
}
