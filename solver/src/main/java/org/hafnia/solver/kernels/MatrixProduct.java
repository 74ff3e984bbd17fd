package org.hafnia.solver.kernels;

/**
 * Dense product C = A·B of small row-major matrices (the cosine transforms of the plan-view heat
 * model are two of them per transform), with every entry summed in one fixed order:
 * C_rj = ((0 + A_r0 B_0j) + A_r1 B_1j) + … over k ascending. The SIMD path (Vector API, when
 * {@link VectorSupport#available()}) keeps a block of C's row in registers and adds the same
 * products in the same order lane by lane (Java never contracts a·b + c), so it returns the scalar
 * loop's bits. Allocation-free; C must not be A or B.
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
        if (a.length < rows * inner || b.length < inner * cols || c.length < rows * cols) {
            throw new IllegalArgumentException("matrix product " + rows + "×" + inner + " · " + inner + "×" + cols
                    + " on arrays of " + a.length + ", " + b.length + ", " + c.length);
        }
        if (c == a || c == b) {
            throw new IllegalArgumentException("matrix product: C must not be A or B");
        }
        if (vectorised && VectorSupport.available() && cols >= VectorSupport.lanes()) {
            VectorMatrix.multiply(a, b, c, rows, inner, cols);
        } else {
            scalar(a, b, c, rows, inner, cols, 0);
        }
    }

    /** The scalar reference for the columns [from, cols) of every row: row updates C_r· += A_rk B_k·. */
    static void scalar(double[] a, double[] b, double[] c, int rows, int inner, int cols, int from) {
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            for (int j = from; j < cols; j++) {
                c[row + j] = 0;
            }
            for (int k = 0; k < inner; k++) {
                double v = a[r * inner + k];
                int bk = k * cols;
                for (int j = from; j < cols; j++) {
                    c[row + j] += v * b[bk + j];
                }
            }
        }
    }
}
