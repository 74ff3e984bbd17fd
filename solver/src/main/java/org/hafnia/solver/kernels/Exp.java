package org.hafnia.solver.kernels;

/**
 * e^x in plain arithmetic that a SIMD lane repeats bit for bit ({@link VectorHopping}), so the scalar
 * and the vector rows of {@link HoppingRates} agree exactly (JDK 17's {@link Math#exp} is an
 * intrinsic with no vector counterpart of the same bits). Cody–Waite reduction
 * x = k ln 2 + r, k = rint(x/ln 2), |r| ≤ ln2/2 (ln 2 split as fdlibm's ln2HI + ln2LO, so k·ln2HI is exact
 * for |k| &lt; 2²¹), then the Taylor polynomial of e^r to r¹³/13! in Horner form (truncation
 * (ln2/2)¹⁴/14! &lt; 5e-18 relative), scaled by 2^k through the exponent bits (exact for a normal
 * result). Relative error ≤ {@value #RELATIVE_ERROR} on [{@value #LOW}, {@value #HIGH}] (≈ 1 ulp
 * for the Horner rounding, 0.5 for the last addition; {@code ExpTest} measures it against a 40-digit
 * reference); outside that range (underflow towards 0, overflow, NaN) {@link Math#exp} itself.
 */
public final class Exp {

    /** The range of the polynomial path: e^x normal and 2^k a normal power of two. */
    static final double LOW = -707;
    static final double HIGH = 709;
    /** The stated bound on the relative error (see the class comment). */
    public static final double RELATIVE_ERROR = 4e-16;

    static final double LOG2E = 1.4426950408889634;
    /** 1.5 · 2⁵²: x log2e + SHIFT has unit spacing, so its low bits hold rint(x log2e) (|x log2e| &lt; 2⁵¹). */
    static final double SHIFT = 0x1.8p52;
    static final long SHIFT_BITS = Double.doubleToRawLongBits(SHIFT);
    /** fdlibm's ln2HI (low 21 bits of the mantissa zero) and ln2LO. */
    static final double LN2_HI = 6.93147180369123816490e-01;
    static final double LN2_LO = 1.90821492927058770002e-10;
    // 1/n! for n = 2..17: the Taylor coefficients of e^x (to C13) and, the odd ones, of sinh x (to C17, {@link Sinh}).
    static final double C2 = 1.0 / 2;
    static final double C3 = 1.0 / 6;
    static final double C4 = 1.0 / 24;
    static final double C5 = 1.0 / 120;
    static final double C6 = 1.0 / 720;
    static final double C7 = 1.0 / 5040;
    static final double C8 = 1.0 / 40320;
    static final double C9 = 1.0 / 362880;
    static final double C10 = 1.0 / 3628800;
    static final double C11 = 1.0 / 39916800;
    static final double C12 = 1.0 / 479001600;
    static final double C13 = 1.0 / 6227020800.0;
    static final double C15 = 1.0 / 1307674368000.0;
    static final double C17 = 1.0 / 355687428096000.0;

    private Exp() {
    }

    /** e^x within {@value #RELATIVE_ERROR} relative on [{@value #LOW}, {@value #HIGH}], else {@link Math#exp}. */
    public static double of(double x) {
        if (!(x >= LOW && x <= HIGH)) {
            return Math.exp(x);
        }
        double t = x * LOG2E + SHIFT;
        double kd = t - SHIFT;
        long k = Double.doubleToRawLongBits(t) - SHIFT_BITS;
        double r = (x - kd * LN2_HI) - kd * LN2_LO;
        double p = 1 + r * (1 + r * (C2 + r * (C3 + r * (C4 + r * (C5 + r * (C6 + r * (C7 + r * (C8 + r * (C9
                + r * (C10 + r * (C11 + r * (C12 + r * C13))))))))))));
        return p * Double.longBitsToDouble((k + 1023) << 52);
    }
}
