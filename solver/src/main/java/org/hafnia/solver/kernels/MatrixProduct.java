package org.hafnia.solver.kernels;

/**
 * Dense product C = A·B of small row-major matrices (the cosine transforms of the plan-view heat
 * model, {@link CosineTransform}, are made of them), with every entry summed in one fixed order:
 * C_rj = ((0 + A_r0 B_0j) + A_r1 B_1j) + … over k ascending. The SIMD path (Vector API, when
 * {@link VectorSupport#available()}) keeps tiles of C in registers and adds the same products in
 * the same order lane by lane (Java never contracts a·b + c), so it returns the scalar loop's bits.
 * Each matrix may be a block of a larger array (an offset and a row stride). Allocation-free; C must
 * not be A's or B's array.
 */
public final class MatrixProduct {

    private MatrixProduct() {
    }

    /**
     * C (rows × cols) = A (rows × inner) · B (inner × cols), all row-major from index 0.
     *
     * @param vectorised SIMD rows when the Vector API is available (else, or when false, the scalar loop)
     */
    public static void multiply(double[] a, double[] b, double[] c, int rows, int inner, int cols, boolean vectorised) {
        multiply(a, 0, inner, b, 0, cols, c, 0, cols, rows, inner, cols, vectorised);
    }

    /**
     * The same for blocks: A_rk = a[aOff + r·aStride + k], B_kj = b[bOff + k·bStride + j],
     * C_rj = c[cOff + r·cStride + j]; the rest of {@code c} is not written.
     */
    public static void multiply(double[] a, int aOff, int aStride, double[] b, int bOff, int bStride,
                                double[] c, int cOff, int cStride, int rows, int inner, int cols, boolean vectorised) {
        if (rows < 0 || inner < 0 || cols < 0 || !fits(a, aOff, aStride, rows, inner)
                || !fits(b, bOff, bStride, inner, cols) || !fits(c, cOff, cStride, rows, cols)) {
            throw new IllegalArgumentException("matrix product " + rows + "×" + inner + " · " + inner + "×" + cols
                    + " on arrays of " + a.length + ", " + b.length + ", " + c.length + " (offsets " + aOff + ", "
                    + bOff + ", " + cOff + "; strides " + aStride + ", " + bStride + ", " + cStride + ")");
        }
        if (c == a || c == b) {
            throw new IllegalArgumentException("matrix product: C must not be A or B");
        }
        if (rows == 0 || cols == 0) {
            return;
        }
        if (vectorised && VectorSupport.available() && cols >= VectorSupport.lanes()) {
            VectorMatrix.multiply(a, aOff, aStride, b, bOff, bStride, c, cOff, cStride, rows, inner, cols);
        } else {
            scalar(a, aOff, aStride, b, bOff, bStride, c, cOff, cStride, rows, inner, cols, 0);
        }
    }

    /** Whether a rows × cols block at {@code off} with row stride {@code stride} lies inside {@code x}. */
    private static boolean fits(double[] x, int off, int stride, int rows, int cols) {
        return rows == 0 || cols == 0
                || off >= 0 && stride >= cols && (long) off + (long) (rows - 1) * stride + cols <= x.length;
    }

    /** The scalar reference for the columns [from, cols) of every row: row updates C_r· += A_rk B_k·. */
    static void scalar(double[] a, int aOff, int aStride, double[] b, int bOff, int bStride,
                       double[] c, int cOff, int cStride, int rows, int inner, int cols, int from) {
        for (int r = 0; r < rows; r++) {
            int row = cOff + r * cStride;
            for (int j = from; j < cols; j++) {
                c[row + j] = 0;
            }
            int ar = aOff + r * aStride;
            for (int k = 0; k < inner; k++) {
                double v = a[ar + k];
                int bk = bOff + k * bStride;
                for (int j = from; j < cols; j++) {
                    c[row + j] += v * b[bk + j];
                }
            }
        }
    }
}
