package org.hafnia.solver.kernels;

/**
 * sinh x from one {@link Math#exp} (a JIT intrinsic on JDK 17, where {@link Math#sinh} calls the
 * native fdlibm {@code StrictMath.sinh}, measured 2–5 × the cost of an {@code exp} on this project's
 * machine kind):
 * <ul>
 * <li>|x| &lt; {@value #SERIES}: the Taylor series x (1 + x²/3! + x⁴/5! + … + x¹²/13!), Horner in x²;
 * truncation x¹⁴/15! &lt; 5e-17 relative, rounding ≤ 1 ulp of the result;</li>
 * <li>{@value #SERIES} ≤ |x| ≤ {@value #LARGE}: (e − 1/e)/2 with e = exp(x). With exp within 1 ulp
 * (its specification) and the division and subtraction correctly rounded, the relative error is
 * ≤ [(e + 1.5/e)/(e − 1/e)] 2⁻⁵² + 2⁻⁵³, largest at |x| = {@value #SERIES}:
 * 2.46 · 2.2e-16 + 1.1e-16 = 6.6e-16 (≈ 3 ulps; {@code Math.sinh} promises 2.5);</li>
 * <li>otherwise (|x| &gt; {@value #LARGE}, NaN): {@link Math#sinh} itself, so overflow to ±∞ happens
 * at the same argument (|x| ≈ 710.5) and NaN stays NaN.</li>
 * </ul>
 * So |{@code of(x)} − sinh x| ≤ {@value #RELATIVE_ERROR} |sinh x| for every finite x; it is odd
 * (of(−x) = −of(x) bit for bit) and of(0) = 0 with its sign. {@code SinhTest} checks the bound
 * against {@link Math#sinh} and against a 40-digit series over the range the device's drive uses.
 */
public final class Sinh {

    /** Below this |x| the series (no cancellation of e − 1/e). */
    static final double SERIES = 0.5;
    /** Beyond this |x|, {@link Math#sinh}: rare (the drive's argument is a few units), and the overflow is its. */
    static final double LARGE = 20;
    /** The stated bound on the relative error (the analysis above, rounded up). */
    public static final double RELATIVE_ERROR = 7e-16;

    // 1/(2n+1)! for n = 1..6.
    private static final double C3 = 1.0 / 6;
    private static final double C5 = 1.0 / 120;
    private static final double C7 = 1.0 / 5040;
    private static final double C9 = 1.0 / 362880;
    private static final double C11 = 1.0 / 39916800;
    private static final double C13 = 1.0 / 6227020800.0;

    private Sinh() {
    }

    /** sinh x within {@value #RELATIVE_ERROR} relative (see the class comment). */
    public static double of(double x) {
        double a = Math.abs(x);
        if (a < SERIES) {
            double s = x * x;
            return x + x * (s * (C3 + s * (C5 + s * (C7 + s * (C9 + s * (C11 + s * C13))))));
        }
        if (a <= LARGE) {
            double e = Math.exp(a);
            double h = 0.5 * (e - 1 / e);
            return x < 0 ? -h : h;
        }
        return Math.sinh(x);
    }
}
