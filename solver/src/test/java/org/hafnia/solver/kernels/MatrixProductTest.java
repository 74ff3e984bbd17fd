package org.hafnia.solver.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The small dense product sums each entry in the textbook order, C_rj = Σ_k A_rk B_kj over k
 * ascending from 0, on the scalar and on the SIMD path: compared as raw bits (tolerance 0: same
 * products, same order, no fused multiply–add in Java), on widths that fill whole blocks of four
 * vectors, single vectors, a scalar tail, and less than one vector, with row counts that fill the
 * two- and four-row tiles and leave rows over; and on blocks of larger arrays.
 */
class MatrixProductTest {

    private static final int[] SIZES = {1, 3, 7, 8, 13, 16, 31, 32, 37, 40};

    @Test
    void scalarAndSimdProductsEqualTheTextbookDotProductsBitForBit() {
        SplittableRandom random = new SplittableRandom(11);
        for (int rows : new int[] {1, 5, 32}) {
            for (int inner : SIZES) {
                for (int cols : SIZES) {
                    double[] a = random(random, rows * inner);
                    double[] b = random(random, inner * cols);
                    double[] expected = new double[rows * cols];
                    for (int r = 0; r < rows; r++) {
                        for (int j = 0; j < cols; j++) {
                            double s = 0;
                            for (int k = 0; k < inner; k++) {
                                s += a[r * inner + k] * b[k * cols + j];
                            }
                            expected[r * cols + j] = s;
                        }
                    }
                    for (boolean simd : new boolean[] {false, true}) {
                        double[] c = new double[rows * cols];
                        java.util.Arrays.fill(c, Double.NaN);
                        MatrixProduct.multiply(a, b, c, rows, inner, cols, simd);
                        for (int k = 0; k < c.length; k++) {
                            assertThat(Double.doubleToRawLongBits(c[k])).as("%d×%d·%d×%d simd %s entry %d", rows, inner,
                                    inner, cols, simd, k).isEqualTo(Double.doubleToRawLongBits(expected[k]));
                        }
                    }
                }
            }
        }
    }

    /** Blocks of larger arrays (offsets, row strides): the textbook sums, and nothing of C outside the block written. */
    @Test
    void blocksOfLargerArraysGiveTheTextbookSumsAndLeaveTheRestOfC() {
        SplittableRandom random = new SplittableRandom(12);
        for (int rows : new int[] {1, 4, 7}) {
            for (int inner : new int[] {1, 9, 16}) {
                for (int cols : new int[] {3, 8, 16, 19, 32, 35}) {
                    int aOff = 3;
                    int aStride = inner + 2;
                    int bOff = 5;
                    int bStride = cols + 4;
                    int cOff = 7;
                    int cStride = cols + 1;
                    double[] a = random(random, aOff + rows * aStride);
                    double[] b = random(random, bOff + inner * bStride);
                    for (boolean simd : new boolean[] {false, true}) {
                        double[] c = new double[cOff + rows * cStride];
                        java.util.Arrays.fill(c, Double.NaN);
                        MatrixProduct.multiply(a, aOff, aStride, b, bOff, bStride, c, cOff, cStride, rows, inner, cols, simd);
                        for (int k = 0; k < c.length; k++) {
                            int r = (k - cOff) / cStride;
                            int j = (k - cOff) % cStride;
                            if (k < cOff || j >= cols) {
                                assertThat(c[k]).as("outside the block: %d", k).isNaN();
                                continue;
                            }
                            double s = 0;
                            for (int m = 0; m < inner; m++) {
                                s += a[aOff + r * aStride + m] * b[bOff + m * bStride + j];
                            }
                            assertThat(Double.doubleToRawLongBits(c[k])).as("%d×%d·%d×%d simd %s entry %d", rows, inner,
                                    inner, cols, simd, k).isEqualTo(Double.doubleToRawLongBits(s));
                        }
                    }
                }
            }
        }
    }

    @Test
    void simdSumOfNegativeZerosIsPositiveZeroAsInTheLoop() {
        assumeTrue(VectorSupport.available(), "the Vector API module is not resolved in this JVM");
        // Signed zeros and a negative product: a SIMD lane started at −0 would keep −0, the loop gives +0.
        double[] a = {-0.0, 1.0};
        double[] b = new double[2 * 32];
        b[0] = 0.0;
        b[32] = -0.0;
        double[] c = new double[32];
        MatrixProduct.multiply(a, b, c, 1, 2, 32, true);
        assertThat(Double.doubleToRawLongBits(c[0])).isEqualTo(Double.doubleToRawLongBits(0.0));
    }

    @Test
    void refusesAProductIntoOneOfItsFactors() {
        double[] a = new double[4];
        assertThatThrownBy(() -> MatrixProduct.multiply(a, new double[4], a, 2, 2, 2, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MatrixProduct.multiply(a, new double[3], new double[4], 2, 2, 2, true))
                .isInstanceOf(IllegalArgumentException.class);
        // A block that runs past its array: offset 1, stride 2, 2 × 2 needs 1 + 2 + 2 = 5 entries.
        assertThatThrownBy(() -> MatrixProduct.multiply(a, 1, 2, new double[4], 0, 2, new double[4], 0, 2, 2, 2, 2, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double[] random(SplittableRandom random, int n) {
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = random.nextDouble(-1, 1) * Math.pow(10, random.nextInt(-3, 4));
        }
        return x;
    }
}
