package org.hafnia.solver.kernels;

/**
 * The log-linear conductivity law of {@code physics.materials.LogLinearConductivity} over rows of
 * nodes: σ_k = σ_off e^(p_k ln(σ_on/σ_off)), p_k = φ_k clamped to [0, 1], with the exponential from
 * {@link Exp} (relative error ≤ {@value Exp#RELATIVE_ERROR}, against the law's {@link Math#exp}: so
 * σ agrees with the law's own {@code conductivity(φ)} within 4e-16 + 2⁻⁵³ ≤ 6e-16 relative, the
 * product with σ_off rounded once in both). SIMD rows ({@link VectorExp}) evaluate the scalar
 * expression lane by lane, the same bits. Also the node sum of a film's conductance, in a fixed order
 * that does not depend on the lanes of the machine.
 */
public final class LogLinearRows {

    /** Partial sums of {@link #sum}: node k goes to sum k mod 8. */
    static final int PARTIALS = 8;

    private LogLinearRows() {
    }

    /** σ_off e^(p ln ratio) for one node, the scalar reference of {@link #conductivity(double[], int, int, double, double, double[], boolean)}. */
    public static double conductivity(double phi, double offConductivity, double logRatio) {
        double p = phi < 0 ? 0 : (phi > 1 ? 1 : phi);
        return offConductivity * Exp.of(p * logRatio);
    }

    /**
     * sigma[k] = {@link #conductivity(double, double, double) conductivity}(phi[k], σ_off, ln ratio) for k in
     * [from, to), the same bits on either path.
     *
     * @param vectorised SIMD rows when the Vector API is available
     */
    public static void conductivity(double[] phi, int from, int to, double offConductivity, double logRatio,
                                    double[] sigma, boolean vectorised) {
        int k = from;
        if (vectorised && VectorSupport.available()) {
            k = VectorExp.logLinear(phi, from, to, offConductivity, logRatio, sigma);
        }
        for (; k < to; k++) {
            sigma[k] = conductivity(phi[k], offConductivity, logRatio);
        }
    }

    /**
     * Σ x_k in a fixed order: eight partial sums (node k into sum k mod 8, each in node order), then
     * ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)). Eight independent additions per cycle of the
     * loop instead of one chain; for x ≥ 0 the error is ≤ γ_(n/8 + 3) Σ x (the plain loop's: γ_(n−1)).
     */
    public static double sum(double[] x) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int n = x.length;
        int k = 0;
        for (; k + PARTIALS <= n; k += PARTIALS) {
            s0 += x[k];
            s1 += x[k + 1];
            s2 += x[k + 2];
            s3 += x[k + 3];
            s4 += x[k + 4];
            s5 += x[k + 5];
            s6 += x[k + 6];
            s7 += x[k + 7];
        }
        // The last n mod 8 nodes: node k to sum k mod 8 (k is a multiple of 8 here).
        if (k < n) {
            s0 += x[k];
        }
        if (k + 1 < n) {
            s1 += x[k + 1];
        }
        if (k + 2 < n) {
            s2 += x[k + 2];
        }
        if (k + 3 < n) {
            s3 += x[k + 3];
        }
        if (k + 4 < n) {
            s4 += x[k + 4];
        }
        if (k + 5 < n) {
            s5 += x[k + 5];
        }
        if (k + 6 < n) {
            s6 += x[k + 6];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
}
