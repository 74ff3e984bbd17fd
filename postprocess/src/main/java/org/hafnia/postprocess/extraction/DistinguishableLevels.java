package org.hafnia.postprocess.extraction;

import java.util.function.DoubleUnaryOperator;

/**
 * Number of distinguishable levels (programming.md): the largest N such that N levels fit in
 * [G_low, G_high] with the ±3σ windows of adjacent levels not overlapping, σ(G) the read
 * spread at G. Levels are packed from G_low: G_{k+1} is the smallest G with
 * G − 3σ(G) ≥ G_k + 3σ(G_k) (found by bisection), and counting stops when it passes G_high.
 */
public final class DistinguishableLevels {

    /** Window half-width in standard deviations (programming.md: ±3σ). */
    public static final double SIGMAS = 3;

    private DistinguishableLevels() {
    }

    /**
     * @param gLow  low end of the window (S)
     * @param gHigh high end of the window (S)
     * @param sigma read σ (S) as a function of G (S), positive
     * @return the level count (≥ 1 when the window is not empty); capped at 1 000 000
     */
    public static int count(double gLow, double gHigh, DoubleUnaryOperator sigma) {
        if (!(gHigh >= gLow)) {
            return 0;
        }
        int n = 1;
        double g = gLow;
        while (n < 1_000_000) {
            double edge = g + SIGMAS * sigma.applyAsDouble(g);
            // f(G) = G − 3σ(G) − edge is increasing for σ growing slower than G/3.
            double a = g;
            double b = Math.max(edge, g) + SIGMAS * sigma.applyAsDouble(edge) * 4 + Math.ulp(g);
            if (b - SIGMAS * sigma.applyAsDouble(b) < edge) {
                return n;
            }
            for (int it = 0; it < 80; it++) {
                double m = 0.5 * (a + b);
                if (m - SIGMAS * sigma.applyAsDouble(m) >= edge) {
                    b = m;
                } else {
                    a = m;
                }
            }
            if (b > gHigh || b <= g) {
                return n;
            }
            g = b;
            n++;
        }
        return n;
    }
}
