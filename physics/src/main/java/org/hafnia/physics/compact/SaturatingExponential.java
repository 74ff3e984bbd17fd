package org.hafnia.physics.compact;

/**
 * The pulse response used by NeuroSim (Chen, Peng &amp; Yu, IEEE TCAD 37, 3067 (2018)):
 * G(P) = B (1 − e^(−P/A)) + Gmin with B = (Gmax − Gmin) / (1 − e^(−Pmax/A)), so that
 * G(0) = Gmin and G(Pmax) = Gmax. A (pulses) sets the nonlinearity: A ≫ Pmax is linear, small
 * A saturates early. Depression is the same curve mirrored from Gmax (see {@link #depressed}).
 *
 * @param gMin  low bound (S)
 * @param gMax  high bound (S)
 * @param pMax  pulses from one bound to the other (> 0)
 * @param a     nonlinearity constant A (pulses, > 0)
 */
public record SaturatingExponential(double gMin, double gMax, double pMax, double a) {

    public SaturatingExponential {
        if (!(gMax > gMin) || !(gMin >= 0)) {
            throw new IllegalArgumentException("need 0 ≤ Gmin < Gmax, got " + gMin + ", " + gMax);
        }
        if (!(pMax > 0) || !(a > 0)) {
            throw new IllegalArgumentException("need Pmax > 0 and A > 0, got " + pMax + ", " + a);
        }
    }

    /** B = (Gmax − Gmin) / (1 − e^(−Pmax/A)) (S). */
    public double b() {
        return (gMax - gMin) / -Math.expm1(-pMax / a);
    }

    /** G(P) for potentiation, P clamped to [0, Pmax] (S). */
    public double conductance(double p) {
        double q = Math.max(0, Math.min(pMax, p));
        return gMin + b() * -Math.expm1(-q / a);
    }

    /** The pulse coordinate P at which potentiation reaches G (inverse of {@link #conductance}). */
    public double pulses(double g) {
        double x = (Math.max(gMin, Math.min(gMax, g)) - gMin) / b();
        return Math.min(pMax, -a * Math.log1p(-x));
    }

    /**
     * Depression by {@code dp} pulses from G along the mirrored curve
     * G(Q) = Gmax − B (1 − e^(−Q/A)), Q pulses counted from Gmax.
     */
    public double depressed(double g, double dp) {
        return gMax + gMin - potentiated(gMax + gMin - g, dp);
    }

    /** Potentiation by {@code dp} pulses from G. */
    public double potentiated(double g, double dp) {
        return conductance(pulses(g) + dp);
    }
}
