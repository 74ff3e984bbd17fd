package org.hafnia.solver.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.hafnia.physics.api.FreeEnergyDensity;
import org.hafnia.physics.energy.DoubleWellEnergy;
import org.hafnia.physics.energy.QuarticDoubleWell;
import org.junit.jupiter.api.Test;

/**
 * The device's stabilised rows: the SIMD row gives the scalar row's bits (every node written and the
 * returned running maximum, early exits and NaN included), and the scalar row is the textbook
 * node-by-node sweep. Tolerance 0 throughout: both evaluate the same expression in the same order.
 * Compared with {@code doubleToLongBits}: the sign of zero counts, a NaN's payload does not (a NaN
 * node's lanes give the canonical NaN where the scalar division may give another).
 */
class StabilisedRowsTest {

    /** The default device's well (0.3 eV, −0.0176 eV: SIMD f' inlined) and a quartic (f' from the pre-pass). */
    private static final FreeEnergyDensity[] ENERGIES = {new DoubleWellEnergy(0.3, -0.0176), QuarticDoubleWell.PFHUB};

    @Test
    void simdRowsGiveTheScalarBitsForEveryRowShapeExitAndNaN() {
        assertThat(VectorSupport.available()).as("the tests run with the Vector API module").isTrue();
        SplittableRandom r = new SplittableRandom(11);
        for (FreeEnergyDensity f : ENERGIES) {
            for (int nx : new int[] {1, 2, 3, 8, 9, 10, 11, 17, 32, 33, 40}) {
                for (int ny : new int[] {1, 2, 5}) {
                    int n = nx * ny;
                    double[] phi = new double[n];
                    double[] mobility = new double[n];
                    double[] bias = new double[n];
                    for (int k = 0; k < n; k++) {
                        double u = r.nextDouble();
                        phi[k] = u < 0.1 ? 0 : (u < 0.2 ? 1 : r.nextDouble(-0.1, 1.1));
                        mobility[k] = Math.pow(10, r.nextDouble(-6, 8));
                        bias[k] = r.nextDouble(-3, 3);
                    }
                    if (n > 20) {
                        phi[n / 2] = Double.NaN;
                    }
                    StabilisedRows rows = new StabilisedRows(nx, ny, 4.46, 4.46, f);
                    for (double dt : new double[] {1e-12, 1e-9, 1e-6}) {
                        for (double stop : new double[] {Double.POSITIVE_INFINITY, 0.02, 1e-4, 0}) {
                            for (double change : new double[] {0, 0.01, Double.NaN}) {
                                for (int j = 0; j < ny; j++) {
                                    double[] vs = new double[n];
                                    double[] sc = new double[n];
                                    double a = rows.row(phi, j, dt, mobility, bias, vs, change, stop, true);
                                    double b = rows.row(phi, j, dt, mobility, bias, sc, change, stop, false);
                                    String at = f.name() + " nx " + nx + " ny " + ny + " j " + j + " dt " + dt + " stop " + stop + " in " + change;
                                    assertThat(Double.doubleToLongBits(a)).as(at).isEqualTo(Double.doubleToLongBits(b));
                                    int written = textbook(f, phi, nx, ny, j, 4.46, 4.46, dt, mobility, bias, sc, change, stop, at);
                                    for (int k = j * nx; k < j * nx + written; k++) {
                                        assertThat(Double.doubleToLongBits(vs[k])).as(at + " k " + k)
                                                .isEqualTo(Double.doubleToLongBits(sc[k]));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Checks the scalar row's {@code next} against φ' of the textbook formula, node by node up to the
     * first node where the running max exceeds stop; returns the number of nodes it wrote.
     */
    private static int textbook(FreeEnergyDensity f, double[] phi, int nx, int ny, int j, double cx, double cy, double dt,
                                double[] mobility, double[] bias, double[] next, double change, double stop, String at) {
        double s = f.maxCurvature();
        for (int i = 0; i < nx; i++) {
            int k = j * nx + i;
            double sum = 0;
            double weight = 0;
            int[][] nb = {{i - 1, j, 0}, {i + 1, j, 0}, {i, j - 1, 1}, {i, j + 1, 1}};
            for (int[] d : nb) {
                if (d[0] >= 0 && d[0] < nx && d[1] >= 0 && d[1] < ny) {
                    double c = d[2] == 0 ? cx : cy;
                    sum += c * phi[d[1] * nx + d[0]];
                    weight += c;
                }
            }
            double lam = dt * mobility[k];
            double v = (phi[k] + lam * (-f.derivative(phi[k]) + s * phi[k] + sum - bias[k])) / (1 + lam * (weight + s));
            v = Math.max(0, Math.min(1, v));
            assertThat(Double.doubleToLongBits(next[k])).as(at + " textbook k " + k).isEqualTo(Double.doubleToLongBits(v));
            change = Math.max(change, Math.abs(v - phi[k]));
            if (change > stop) {
                return i + 1;
            }
        }
        return nx;
    }
}
