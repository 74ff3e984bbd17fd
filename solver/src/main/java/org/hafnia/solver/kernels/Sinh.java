package org.hafnia.solver.kernels;

/**
 * sinh x from one {@link Exp#of} (JDK 17's {@link Math#sinh} calls the native fdlibm
 * {@code StrictMath.sinh}, measured 2–5 × the cost of an {@code exp} on this project's machine kind),
 * in plain arithmetic that {@link VectorHopping} repeats lane by lane with the same bits:
 * <ul>
 * <li>|x| &lt; {@value #SERIES}: the Taylor series x (1 + x²/3! + … + x¹⁶/17!), Horner in x², the
 * coefficients 1/(2n+1)! from {@link Exp}'s table of 1/n!;
 * truncation x¹⁸/19! &lt; 1e-17 relative, rounding ≤ 1 ulp of the result;</li>
 * <li>{@value #SERIES} ≤ |x| ≤ {@value #LARGE}: ±(e − 1/e)/2 with e = exp|x| ({@link Exp}, relative
 * error δ ≤ {@value Exp#RELATIVE_ERROR}) and the division and subtraction correctly rounded: the
 * relative error is ≤ [(e δ + (δ + 2⁻⁵³)/e)/(e − 1/e)] + 2⁻⁵³, largest at |x| = {@value #SERIES}:
 * 5.4e-16 + 1.1e-16 = 6.5e-16 (≈ 3 ulps; {@code Math.sinh} promises 2.5);</li>
 * <li>otherwise (|x| &gt; {@value #LARGE}, NaN): {@link Math#sinh} itself, so overflow to ±∞ happens
 * at the same argument (|x| ≈ 710.5) and NaN stays NaN.</li>
 * </ul>
 * So |{@code of(x)} − sinh x| ≤ {@value #RELATIVE_ERROR} |sinh x| for every finite x; it is odd
 * (of(−x) = −of(x) bit for bit) and of(±0) = ±0. {@code SinhTest} checks the bound against a
 * 40-digit series and against {@link Math#sinh}.
 */
public final class Sinh {

    /** Below this |x| the series (no cancellation of e − 1/e). */
    static final double SERIES = 1;
    /** Beyond this |x|, {@link Math#sinh}: rare (the drive's argument is a few units), and the overflow is its. */
    static final double LARGE = 20;
    /** The stated bound on the relative error (the analysis above, rounded up). */
    public static final double RELATIVE_ERROR = 7e-16;

    private Sinh() {
    }

    /** sinh x within {@value #RELATIVE_ERROR} relative (see the class comment). */
    public static double of(double x) {
        double a = Math.abs(x);
        if (a < SERIES) {
            double s = x * x;
            return x + x * (s * (Exp.C3 + s * (Exp.C5 + s * (Exp.C7 + s * (Exp.C9 + s * (Exp.C11 + s * (Exp.C13 + s * (Exp.C15
                    + s * Exp.C17))))))));
        }
        if (a <= LARGE) {
            double e = Exp.of(a);
            double h = 0.5 * (e - 1 / e);
            return x < 0 ? -h : h;
        }
        return Math.sinh(x);
    }
}
