package org.hafnia.solver.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import org.hafnia.physics.materials.LogLinearConductivity;
import org.junit.jupiter.api.Test;

/**
 * The log-linear rows against the law itself: σ within the stated 6e-16 relative of
 * {@link LogLinearConductivity#conductivity(double)} (Exp's 4e-16 bound plus the rounding of the
 * product with σ_off, both sides rounding it once: the class comment), the same bits on the SIMD and
 * the scalar path (row lengths 1–40, so tails and rows shorter than a vector; φ below 0, above 1,
 * ±0, NaN); and the fixed-order sum against the exact sum.
 */
class LogLinearRowsTest {

    @Test
    void rowsEqualTheLawWithinTheBoundAndTheScalarRowsBitForBit() {
        SplittableRandom random = new SplittableRandom(3);
        for (LogLinearConductivity law : new LogLinearConductivity[] {new LogLinearConductivity(1e-2, 7e4),
            LogLinearConductivity.defaults(), new LogLinearConductivity(3, 3)}) {
            for (int n = 1; n <= 40; n++) {
                double[] phi = new double[n];
                for (int k = 0; k < n; k++) {
                    phi[k] = random.nextDouble(-0.2, 1.2);
                }
                phi[0] = n % 3 == 0 ? -0.0 : phi[0];
                if (n % 7 == 0) {
                    phi[n / 2] = Double.NaN;
                }
                double[] scalar = new double[n];
                double[] simd = new double[n];
                LogLinearRows.conductivity(phi, 0, n, law.offConductivity(), law.logRatio(), scalar, false);
                LogLinearRows.conductivity(phi, 0, n, law.offConductivity(), law.logRatio(), simd, true);
                for (int k = 0; k < n; k++) {
                    double expected = law.conductivity(phi[k]);
                    if (Double.isNaN(phi[k])) {
                        assertThat(scalar[k]).isNaN();
                        assertThat(simd[k]).isNaN();
                        continue;
                    }
                    assertThat(Math.abs(scalar[k] - expected)).as("φ = %s", phi[k]).isLessThanOrEqualTo(6e-16 * expected);
                    assertThat(Double.doubleToRawLongBits(simd[k])).as("n %d node %d", n, k)
                            .isEqualTo(Double.doubleToRawLongBits(scalar[k]));
                }
            }
        }
    }

    @Test
    void sumHasTheStatedOrderAndIsWithinItsBoundOfTheExactSum() {
        SplittableRandom random = new SplittableRandom(4);
        for (int n : new int[] {0, 1, 5, 8, 13, 1024, 1031}) {
            double[] x = new double[n];
            BigDecimal exact = BigDecimal.ZERO;
            double[] partial = new double[8];
            for (int k = 0; k < n; k++) {
                x[k] = random.nextDouble() * Math.pow(10, random.nextInt(-6, 7));
                exact = exact.add(new BigDecimal(x[k]));
                partial[k % 8] += x[k];
            }
            double ordered = ((partial[0] + partial[1]) + (partial[2] + partial[3]))
                    + ((partial[4] + partial[5]) + (partial[6] + partial[7]));
            double sum = LogLinearRows.sum(x);
            assertThat(Double.doubleToRawLongBits(sum)).isEqualTo(Double.doubleToRawLongBits(ordered));
            // γ_(n/8 + 3) Σ x for x ≥ 0 (the class comment).
            double gamma = (n / 8.0 + 3) * 0x1p-53 / (1 - (n / 8.0 + 3) * 0x1p-53);
            assertThat(Math.abs(new BigDecimal(sum).subtract(exact).doubleValue())).isLessThanOrEqualTo(gamma * exact.doubleValue());
        }
    }
}
