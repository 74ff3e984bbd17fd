package org.hafnia.solver.kernels;

/**
 * The exact step of each mode of a linear heat model held at a steady state T_ss
 * (T(t+Δt) = T_ss + exp(MΔt)(T(t) − T_ss), {@code solver.device.FilmHeat}), over all modes:
 * <ul>
 * <li>one layer: a_k ← s_k + x_k (a_k − s_k), x_k = e^(λ_k Δt);</li>
 * <li>two coupled layers (film f, electrode e), exp(MΔt) = ch I + sh (M − ½ tr M I):
 * with x_f = a_f − s_f, x_e = a_e − s_e,
 * a_f ← s_f + ch x_f + sh (α x_f + β x_e), a_e ← s_e + ch x_e + sh (γ x_f + δ x_e).</li>
 * </ul>
 * SIMD rows ({@link VectorModes}, Vector API when {@link VectorSupport#available()}) evaluate the same
 * expressions in the same order, so both paths give the same bits.
 */
public final class ModeSteps {

    private ModeSteps() {
    }

    /** One layer: a[k] = s[k] + x[k] (a[k] − s[k]) for k in [0, n). */
    public static void single(double[] a, double[] s, double[] x, int n, boolean vectorised) {
        int k = vectorised && VectorSupport.available() ? VectorModes.single(a, s, x, n) : 0;
        for (; k < n; k++) {
            double ss = s[k];
            a[k] = ss + x[k] * (a[k] - ss);
        }
    }

    /**
     * Two coupled layers for k in [0, n): ch = x[k], sh = x[n + k]; α and δ per mode in {@code alpha} and
     * {@code delta}, β and γ the same for every mode (the coupling of the two layers).
     */
    public static void coupled(double[] af, double[] ae, double[] sf, double[] se, double[] x, double[] alpha,
                               double beta, double gamma, double[] delta, int n, boolean vectorised) {
        int k = vectorised && VectorSupport.available() ? VectorModes.coupled(af, ae, sf, se, x, alpha, beta, gamma, delta, n) : 0;
        for (; k < n; k++) {
            double f = sf[k];
            double e = se[k];
            double ch = x[k];
            double sh = x[n + k];
            double xf = af[k] - f;
            double xe = ae[k] - e;
            af[k] = f + ch * xf + sh * (alpha[k] * xf + beta * xe);
            ae[k] = e + ch * xe + sh * (gamma * xf + delta[k] * xe);
        }
    }
}
