package org.hafnia.solver.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** {@link Sinh#of} against a 40-digit series and against {@link Math#sinh}, within the stated bound. */
class SinhTest {

    private static final MathContext DIGITS = new MathContext(40);

    /** sinh x = Σ x^(2n+1)/(2n+1)! in 40 digits (all terms of one sign: no cancellation). */
    private static double exact(double x) {
        BigDecimal b = new BigDecimal(x);
        BigDecimal b2 = b.multiply(b, DIGITS);
        BigDecimal term = b;
        BigDecimal sum = b;
        for (int n = 1; n < 400; n++) {
            term = term.multiply(b2, DIGITS).divide(BigDecimal.valueOf((2L * n) * (2L * n + 1)), DIGITS);
            sum = sum.add(term, DIGITS);
            if (term.abs().compareTo(sum.abs().movePointLeft(30)) < 0) {
                break;
            }
        }
        return sum.doubleValue();
    }

    /**
     * The drive's argument z e a E / 2k_BT is a few units for the device's voltages (|x| ≈ 1.9 at
     * 0.8 V, 300 K); the test covers |x| ≤ 25, both branches' ends and tiny arguments.
     */
    private static double[] arguments() {
        SplittableRandom r = new SplittableRandom(11);
        double[] x = new double[6000];
        for (int k = 0; k < 4000; k++) {
            x[k] = r.nextDouble(-25, 25);
        }
        for (int k = 4000; k < 5000; k++) {
            x[k] = r.nextDouble(-0.6, 0.6);
        }
        for (int k = 5000; k < 5990; k++) {
            x[k] = Math.scalb(r.nextDouble(-1, 1), -r.nextInt(60));
        }
        double[] ends = {Sinh.SERIES, Math.nextDown(Sinh.SERIES), Sinh.LARGE, Math.nextUp(Sinh.LARGE), 1e-300,
            Double.MIN_VALUE, 1, 2, 3, 0.75};
        System.arraycopy(ends, 0, x, 5990, ends.length);
        return x;
    }

    @Test
    void sinhIsWithinTheStatedRelativeErrorOfTheExactValue() {
        double worst = 0;
        for (double x : arguments()) {
            double ref = exact(x);
            worst = Math.max(worst, Math.abs(Sinh.of(x) - ref) / Math.abs(ref));
        }
        assertThat(worst).isLessThanOrEqualTo(Sinh.RELATIVE_ERROR).isPositive();
    }

    @Test
    void sinhAgreesWithMathSinhWithinBothBounds() {
        // Math.sinh is within 2.5 ulps (its specification): 2.5 · 2^-52 relative at most.
        double tolerance = Sinh.RELATIVE_ERROR + 2.5 * Math.ulp(1.0);
        for (double x : arguments()) {
            double m = Math.sinh(x);
            assertThat(Math.abs(Sinh.of(x) - m)).as("x = %s", x).isLessThanOrEqualTo(tolerance * Math.abs(m));
        }
    }

    @Test
    void sinhIsOddKeepsSignedZeroOverflowsLikeMathSinhAndPassesNaN() {
        for (double x : arguments()) {
            assertThat(Sinh.of(-x)).isEqualTo(-Sinh.of(x));
        }
        assertThat(Double.doubleToRawLongBits(Sinh.of(-0.0))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(Sinh.of(0.0)).isEqualTo(0.0);
        assertThat(Sinh.of(710.0)).isEqualTo(Math.sinh(710.0)).isFinite();
        assertThat(Sinh.of(711.0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Sinh.of(-711.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Sinh.of(Double.NaN)).isNaN();
    }
}
