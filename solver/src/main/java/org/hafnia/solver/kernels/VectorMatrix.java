package org.hafnia.solver.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD rows of {@link MatrixProduct}, loaded only when {@link VectorSupport#available()}: blocks of
 * four vectors of a row of C (then single vectors) stay in registers while k runs over the inner
 * dimension; the columns past the last whole vector run the scalar loop. Each lane adds the same
 * products in the same order as the scalar loop, so the bits are the same.
 */
final class VectorMatrix {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private VectorMatrix() {
    }

    static void multiply(double[] a, double[] b, double[] c, int rows, int inner, int cols) {
        int whole = cols - cols % LANES;
        int blocks = whole - whole % (4 * LANES);
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            int ar = r * inner;
            int j = 0;
            for (; j < blocks; j += 4 * LANES) {
                DoubleVector s0 = DoubleVector.zero(SPECIES);
                DoubleVector s1 = s0;
                DoubleVector s2 = s0;
                DoubleVector s3 = s0;
                for (int k = 0; k < inner; k++) {
                    double v = a[ar + k];
                    int bk = k * cols + j;
                    s0 = s0.add(DoubleVector.fromArray(SPECIES, b, bk).mul(v));
                    s1 = s1.add(DoubleVector.fromArray(SPECIES, b, bk + LANES).mul(v));
                    s2 = s2.add(DoubleVector.fromArray(SPECIES, b, bk + 2 * LANES).mul(v));
                    s3 = s3.add(DoubleVector.fromArray(SPECIES, b, bk + 3 * LANES).mul(v));
                }
                s0.intoArray(c, row + j);
                s1.intoArray(c, row + j + LANES);
                s2.intoArray(c, row + j + 2 * LANES);
                s3.intoArray(c, row + j + 3 * LANES);
            }
            for (; j < whole; j += LANES) {
                DoubleVector s = DoubleVector.zero(SPECIES);
                for (int k = 0; k < inner; k++) {
                    s = s.add(DoubleVector.fromArray(SPECIES, b, k * cols + j).mul(a[ar + k]));
                }
                s.intoArray(c, row + j);
            }
        }
        if (whole < cols) {
            MatrixProduct.scalar(a, b, c, rows, inner, cols, whole);
        }
    }
}
