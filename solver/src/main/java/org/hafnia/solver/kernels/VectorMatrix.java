package org.hafnia.solver.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD rows of {@link MatrixProduct}, loaded only when {@link VectorSupport#available()}: tiles of
 * C (two rows of four vectors, four rows of two vectors, then single vectors) stay in registers
 * while k runs over the inner dimension — eight independent sums, enough to hide the adder's
 * latency on the 16- and 32-wide products of the heat model; the columns past the last whole vector
 * run the scalar loop. Each lane adds the same products in the same order as the scalar loop, so the
 * bits are the same.
 */
final class VectorMatrix {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private VectorMatrix() {
    }

    static void multiply(double[] a, int aOff, int aStride, double[] b, int bOff, int bStride,
                         double[] c, int cOff, int cStride, int rows, int inner, int cols) {
        int whole = cols - cols % LANES;
        int j = 0;
        for (; j + 4 * LANES <= whole; j += 4 * LANES) {
            int r = 0;
            for (; r + 2 <= rows; r += 2) {
                twoByFour(a, aOff + r * aStride, aStride, b, bOff + j, bStride, c, cOff + r * cStride + j, cStride, inner);
            }
            for (; r < rows; r++) {
                int ar = aOff + r * aStride;
                DoubleVector s0 = DoubleVector.zero(SPECIES);
                DoubleVector s1 = s0;
                DoubleVector s2 = s0;
                DoubleVector s3 = s0;
                for (int k = 0; k < inner; k++) {
                    double v = a[ar + k];
                    int bk = bOff + k * bStride + j;
                    s0 = s0.add(DoubleVector.fromArray(SPECIES, b, bk).mul(v));
                    s1 = s1.add(DoubleVector.fromArray(SPECIES, b, bk + LANES).mul(v));
                    s2 = s2.add(DoubleVector.fromArray(SPECIES, b, bk + 2 * LANES).mul(v));
                    s3 = s3.add(DoubleVector.fromArray(SPECIES, b, bk + 3 * LANES).mul(v));
                }
                int row = cOff + r * cStride + j;
                s0.intoArray(c, row);
                s1.intoArray(c, row + LANES);
                s2.intoArray(c, row + 2 * LANES);
                s3.intoArray(c, row + 3 * LANES);
            }
        }
        for (; j + 2 * LANES <= whole; j += 2 * LANES) {
            int r = 0;
            for (; r + 4 <= rows; r += 4) {
                fourByTwo(a, aOff + r * aStride, aStride, b, bOff + j, bStride, c, cOff + r * cStride + j, cStride, inner);
            }
            for (; r < rows; r++) {
                int ar = aOff + r * aStride;
                DoubleVector s0 = DoubleVector.zero(SPECIES);
                DoubleVector s1 = s0;
                for (int k = 0; k < inner; k++) {
                    double v = a[ar + k];
                    int bk = bOff + k * bStride + j;
                    s0 = s0.add(DoubleVector.fromArray(SPECIES, b, bk).mul(v));
                    s1 = s1.add(DoubleVector.fromArray(SPECIES, b, bk + LANES).mul(v));
                }
                int row = cOff + r * cStride + j;
                s0.intoArray(c, row);
                s1.intoArray(c, row + LANES);
            }
        }
        for (; j < whole; j += LANES) {
            for (int r = 0; r < rows; r++) {
                int ar = aOff + r * aStride;
                DoubleVector s = DoubleVector.zero(SPECIES);
                for (int k = 0; k < inner; k++) {
                    s = s.add(DoubleVector.fromArray(SPECIES, b, bOff + k * bStride + j).mul(a[ar + k]));
                }
                s.intoArray(c, cOff + r * cStride + j);
            }
        }
        if (whole < cols) {
            MatrixProduct.scalar(a, aOff, aStride, b, bOff, bStride, c, cOff, cStride, rows, inner, cols, whole);
        }
    }

    /** Rows r, r+1 (A from {@code ar}) × four vectors of columns (B from {@code bj}) into C from {@code cr}. */
    private static void twoByFour(double[] a, int ar, int aStride, double[] b, int bj, int bStride,
                                  double[] c, int cr, int cStride, int inner) {
        DoubleVector s0 = DoubleVector.zero(SPECIES);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        DoubleVector t0 = s0;
        DoubleVector t1 = s0;
        DoubleVector t2 = s0;
        DoubleVector t3 = s0;
        for (int k = 0; k < inner; k++) {
            double v = a[ar + k];
            double w = a[ar + aStride + k];
            int bk = bj + k * bStride;
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bk);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, bk + LANES);
            DoubleVector b2 = DoubleVector.fromArray(SPECIES, b, bk + 2 * LANES);
            DoubleVector b3 = DoubleVector.fromArray(SPECIES, b, bk + 3 * LANES);
            s0 = s0.add(b0.mul(v));
            s1 = s1.add(b1.mul(v));
            s2 = s2.add(b2.mul(v));
            s3 = s3.add(b3.mul(v));
            t0 = t0.add(b0.mul(w));
            t1 = t1.add(b1.mul(w));
            t2 = t2.add(b2.mul(w));
            t3 = t3.add(b3.mul(w));
        }
        s0.intoArray(c, cr);
        s1.intoArray(c, cr + LANES);
        s2.intoArray(c, cr + 2 * LANES);
        s3.intoArray(c, cr + 3 * LANES);
        t0.intoArray(c, cr + cStride);
        t1.intoArray(c, cr + cStride + LANES);
        t2.intoArray(c, cr + cStride + 2 * LANES);
        t3.intoArray(c, cr + cStride + 3 * LANES);
    }

    /** Rows r … r+3 (A from {@code ar}) × two vectors of columns (B from {@code bj}) into C from {@code cr}. */
    private static void fourByTwo(double[] a, int ar, int aStride, double[] b, int bj, int bStride,
                                  double[] c, int cr, int cStride, int inner) {
        DoubleVector s0 = DoubleVector.zero(SPECIES);
        DoubleVector s1 = s0;
        DoubleVector t0 = s0;
        DoubleVector t1 = s0;
        DoubleVector u0 = s0;
        DoubleVector u1 = s0;
        DoubleVector w0 = s0;
        DoubleVector w1 = s0;
        for (int k = 0; k < inner; k++) {
            int bk = bj + k * bStride;
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bk);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, bk + LANES);
            double v = a[ar + k];
            s0 = s0.add(b0.mul(v));
            s1 = s1.add(b1.mul(v));
            v = a[ar + aStride + k];
            t0 = t0.add(b0.mul(v));
            t1 = t1.add(b1.mul(v));
            v = a[ar + 2 * aStride + k];
            u0 = u0.add(b0.mul(v));
            u1 = u1.add(b1.mul(v));
            v = a[ar + 3 * aStride + k];
            w0 = w0.add(b0.mul(v));
            w1 = w1.add(b1.mul(v));
        }
        s0.intoArray(c, cr);
        s1.intoArray(c, cr + LANES);
        t0.intoArray(c, cr + cStride);
        t1.intoArray(c, cr + cStride + LANES);
        u0.intoArray(c, cr + 2 * cStride);
        u1.intoArray(c, cr + 2 * cStride + LANES);
        w0.intoArray(c, cr + 3 * cStride);
        w1.intoArray(c, cr + 3 * cStride + LANES);
    }
}
