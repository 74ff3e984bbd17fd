package org.hafnia.solver.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The even/odd cosine transform against a double-double evaluation of the textbook sums
 * X̂_(my,mx) = Σ_j Σ_i Ĉ_y[my][j] Ĉ_x[mx][i] X_ji (and the inverse) with the mirrored basis Ĉ of the
 * class comment: every entry within {@link CosineTransform#bound} of the reference, relative to the
 * same sum of absolute values (the reference's own error, ≈ n² u², is below 1e-25 relative here);
 * and the SIMD products give the scalar bits. Sizes even, odd, 1, unequal axes, shorter and longer
 * than a vector.
 */
class CosineTransformTest {

    private static final int[][] GRIDS = {{1, 1}, {2, 3}, {5, 4}, {7, 7}, {16, 16}, {32, 32}, {33, 17}, {40, 9}, {9, 24}};

    @Test
    void forwardAndInverseAreWithinTheStatedBoundOfTheExactSumsOnEitherPath() {
        SplittableRandom random = new SplittableRandom(5);
        for (int[] g : GRIDS) {
            int nx = g[0];
            int ny = g[1];
            double[][] cx = mirrored(nx);
            double[][] cy = mirrored(ny);
            double[] in = new double[nx * ny];
            for (int k = 0; k < in.length; k++) {
                in[k] = random.nextDouble(-1, 1) * Math.pow(10, random.nextInt(-4, 5));
            }
            CosineTransform t = new CosineTransform(nx, ny);
            double[][] out = new double[2][nx * ny];
            double[][] back = new double[2][nx * ny];
            for (int path = 0; path < 2; path++) {
                t.forward(in, out[path], path == 1);
                t.inverse(in, back[path], 0, path == 1);
            }
            double bound = CosineTransform.bound(nx, ny);
            for (int py = 0; py < ny; py++) {
                for (int px = 0; px < nx; px++) {
                    int my = CosineTransform.mode(py, ny);
                    int mx = CosineTransform.mode(px, nx);
                    double[] f = {0, 0, 0};
                    double[] b = {0, 0, 0};
                    for (int j = 0; j < ny; j++) {
                        for (int i = 0; i < nx; i++) {
                            // Forward: the mode (my, mx) from node (j, i); inverse: node (py, px) from the mode at (j, i).
                            add(f, cy[my][j], cx[mx][i], in[j * nx + i]);
                            add(b, cy[CosineTransform.mode(j, ny)][py], cx[CosineTransform.mode(i, nx)][px], in[j * nx + i]);
                        }
                    }
                    int k = py * nx + px;
                    for (int path = 0; path < 2; path++) {
                        assertThat(Math.abs(out[path][k] - f[0] - f[1])).as("forward %d×%d mode %d", nx, ny, k)
                                .isLessThanOrEqualTo(bound * f[2]);
                        assertThat(Math.abs(back[path][k] - b[0] - b[1])).as("inverse %d×%d node %d", nx, ny, k)
                                .isLessThanOrEqualTo(bound * b[2]);
                    }
                    assertThat(Double.doubleToRawLongBits(out[1][k])).isEqualTo(Double.doubleToRawLongBits(out[0][k]));
                    assertThat(Double.doubleToRawLongBits(back[1][k])).isEqualTo(Double.doubleToRawLongBits(back[0][k]));
                }
            }
        }
    }

    @Test
    void modesAreStoredEvenFirst() {
        assertThat(new int[] {CosineTransform.mode(0, 5), CosineTransform.mode(1, 5), CosineTransform.mode(2, 5),
            CosineTransform.mode(3, 5), CosineTransform.mode(4, 5)}).containsExactly(0, 2, 4, 1, 3);
        assertThat(new int[] {CosineTransform.mode(0, 4), CosineTransform.mode(1, 4), CosineTransform.mode(2, 4),
            CosineTransform.mode(3, 4)}).containsExactly(0, 2, 1, 3);
    }

    @Test
    void refusesArraysOfAnotherGridOrTheSameArray() {
        CosineTransform t = new CosineTransform(4, 3);
        double[] x = new double[12];
        assertThatThrownBy(() -> t.forward(x, x, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> t.inverse(x, new double[11], 0, true)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Ĉ: the computed left half of C, its mirror image (−1)^m C_m,n−1−i on the right, 0 for odd m at an odd n's middle. */
    private static double[][] mirrored(int n) {
        double[][] c = new double[n][n];
        int even = (n + 1) / 2;
        for (int m = 0; m < n; m++) {
            for (int i = 0; i < n; i++) {
                if (n % 2 == 1 && i == n / 2 && m % 2 == 1) {
                    c[m][i] = 0;
                } else if (i < even) {
                    c[m][i] = CosineTransform.basis(n, m, i);
                } else {
                    c[m][i] = (m % 2 == 0 ? 1 : -1) * CosineTransform.basis(n, m, n - 1 - i);
                }
            }
        }
        return c;
    }

    /** s += a·b·x in double-double (s[0] + s[1]), exact products by fma; s[2] += |a b x|. */
    private static void add(double[] s, double a, double b, double x) {
        double p = a * b;
        double pe = Math.fma(a, b, -p);
        double q = p * x;
        double qe = Math.fma(p, x, -q) + pe * x;
        double hi = s[0] + q;
        double v = hi - s[0];
        double lo = (s[0] - (hi - v)) + (q - v);
        lo += s[1] + qe;
        s[0] = hi + lo;
        s[1] = lo - (s[0] - hi);
        s[2] += Math.abs(p * x);
    }
}
