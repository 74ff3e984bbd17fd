package org.hafnia.solver.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** {@link Exp#of} against a 50-digit reference and against {@link Math#exp}, within the stated bound. */
class ExpTest {

    private static final MathContext DIGITS = new MathContext(50);

    /** e^f by its series for |f| ≤ 1, 50 digits. */
    private static BigDecimal series(BigDecimal f) {
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        for (int n = 1; n < 80; n++) {
            term = term.multiply(f, DIGITS).divide(BigDecimal.valueOf(n), DIGITS);
            sum = sum.add(term, DIGITS);
        }
        return sum;
    }

    /** e^x = e^n e^f, x = n + f, n an integer, in 50 digits. */
    static double exact(double x) {
        BigDecimal b = new BigDecimal(x);
        BigDecimal n = b.setScale(0, java.math.RoundingMode.HALF_EVEN);
        BigDecimal e = series(BigDecimal.ONE);
        BigDecimal whole = n.signum() >= 0 ? e.pow(n.intValueExact(), DIGITS)
                : BigDecimal.ONE.divide(e.pow(-n.intValueExact(), DIGITS), DIGITS);
        return whole.multiply(series(b.subtract(n)), DIGITS).doubleValue();
    }

    private static double[] arguments() {
        SplittableRandom r = new SplittableRandom(5);
        double[] x = new double[4000];
        for (int k = 0; k < 1500; k++) {
            x[k] = r.nextDouble(Exp.LOW, Exp.HIGH);
        }
        for (int k = 1500; k < 3000; k++) {
            // The Arrhenius exponent −E_a/k_BT of the devices: E_a ≈ 0.3–2 eV, T ≈ 200–3000 K.
            x[k] = r.nextDouble(-120, 0);
        }
        for (int k = 3000; k < 3990; k++) {
            x[k] = r.nextDouble(-1, 1);
        }
        double[] ends = {Exp.LOW, Exp.HIGH, 0, -0.0, Math.log(2) / 2, -Math.log(2) / 2, 1e-300, 1, -1, 20};
        System.arraycopy(ends, 0, x, 3990, ends.length);
        return x;
    }

    @Test
    void expIsWithinTheStatedRelativeErrorOfTheExactValue() {
        double worst = 0;
        for (double x : arguments()) {
            double ref = exact(x);
            worst = Math.max(worst, Math.abs(Exp.of(x) - ref) / ref);
        }
        assertThat(worst).isLessThanOrEqualTo(Exp.RELATIVE_ERROR).isPositive();
    }

    @Test
    void expAgreesWithMathExpWithinBothBounds() {
        // Math.exp is within 1 ulp (its specification): 2^-52 relative at most.
        double tolerance = Exp.RELATIVE_ERROR + Math.ulp(1.0);
        for (double x : arguments()) {
            double m = Math.exp(x);
            assertThat(Math.abs(Exp.of(x) - m)).as("x = %s", x).isLessThanOrEqualTo(tolerance * m);
        }
    }

    @Test
    void outsideThePolynomialRangeExpIsMathExp() {
        for (double x : new double[] {-708, -745, -746, -1e300, 710, 1e300, Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY}) {
            assertThat(Exp.of(x)).isEqualTo(Math.exp(x));
        }
        assertThat(Exp.of(Double.NaN)).isNaN();
        assertThat(Exp.of(0)).isEqualTo(1);
    }
}
