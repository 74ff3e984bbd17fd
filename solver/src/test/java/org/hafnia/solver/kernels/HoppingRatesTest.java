package org.hafnia.solver.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.hafnia.physics.PhysicalConstants;
import org.junit.jupiter.api.Test;

/** The per-node hop rates: SIMD rows equal the scalar methods bit for bit; both within the bounds of the textbook formula. */
class HoppingRatesTest {

    /** The default device's hop: ν₀ 1e13 /s, E_a 1.2 eV, b₀ 1 eV, z = 2, a = 0.3 nm. */
    private static final HoppingRates HOP = new HoppingRates(1e13, 1.2, 1, 2 * 0.3e-9 / 2);

    @Test
    void simdRowsGiveTheScalarBitsForEveryRowLengthAndOutOfRangeLanes() {
        assertThat(VectorSupport.available()).as("the tests run with the Vector API module").isTrue();
        SplittableRandom r = new SplittableRandom(3);
        for (int n : new int[] {1, 3, 7, 8, 9, 16, 31, 32, 33, 100}) {
            double[] temp = new double[n + 2];
            for (int k = 0; k < temp.length; k++) {
                temp[k] = r.nextDouble(250, 2500);
            }
            if (n > 8) {
                temp[3] = 4;          // e^(−E_a/k_BT) underflows: the scalar fallback of the vector
                temp[n - 1] = Double.NaN;
            }
            for (double field : new double[] {0, -0.0, 1.6e8, -3e7, 1e3, 1e10, 2e11}) {
                double[] mv = new double[temp.length];
                double[] dv = new double[temp.length];
                double[] ms = new double[temp.length];
                double[] ds = new double[temp.length];
                HOP.rates(temp, field, 1, n + 1, mv, dv, true);
                HOP.rates(temp, field, 1, n + 1, ms, ds, false);
                for (int k = 0; k < temp.length; k++) {
                    boolean inside = k >= 1 && k < n + 1;
                    double m = inside ? HOP.mobility(temp[k]) : 0;
                    double d = inside ? HOP.drive(field, temp[k]) : 0;
                    assertThat(Double.doubleToRawLongBits(mv[k])).as("n %d k %d E %s", n, k, field).isEqualTo(Double.doubleToRawLongBits(m));
                    assertThat(Double.doubleToRawLongBits(ms[k])).isEqualTo(Double.doubleToRawLongBits(m));
                    assertThat(Double.doubleToRawLongBits(dv[k])).as("n %d k %d E %s", n, k, field).isEqualTo(Double.doubleToRawLongBits(d));
                    assertThat(Double.doubleToRawLongBits(ds[k])).isEqualTo(Double.doubleToRawLongBits(d));
                }
            }
        }
    }

    @Test
    void ratesAreTheTextbookArrheniusAndSinhWithinTheStatedBounds() {
        SplittableRandom r = new SplittableRandom(4);
        for (int k = 0; k < 2000; k++) {
            double t = r.nextDouble(250, 3000);
            double field = r.nextDouble(-3e8, 3e8);
            double kt = PhysicalConstants.BOLTZMANN_EV_PER_K * t;
            double mobility = 1e13 / kt * Math.exp(-1.2 / kt);
            double drive = -Math.sinh(2 * 0.3e-9 * field / (2 * kt));
            // Exp's and Math.exp's bounds, plus a few roundings (u = 1/kT: the argument −E_a u carries
            // 2 ulps relative, which e^x multiplies by |x| ≤ 60 here).
            assertThat(HOP.mobility(t)).isCloseTo(mobility, org.assertj.core.api.Assertions.within(mobility
                    * (Exp.RELATIVE_ERROR + Math.ulp(1.0) + 4 * Math.ulp(1.0) * 1.2 / kt)));
            // Sinh's and Math.sinh's bounds, plus the argument's roundings times x coth x (≤ 1 + |x|).
            double x = 2 * 0.3e-9 * field / (2 * kt);
            assertThat(HOP.drive(field, t)).isCloseTo(drive, org.assertj.core.api.Assertions.within(Math.abs(drive)
                    * (Sinh.RELATIVE_ERROR + 2.5 * Math.ulp(1.0) + 4 * Math.ulp(1.0) * (1 + Math.abs(x)))));
        }
    }
}
