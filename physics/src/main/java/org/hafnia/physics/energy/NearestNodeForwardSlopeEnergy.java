package org.hafnia.physics.energy;

import org.hafnia.physics.api.FreeEnergyDensity;

/**
 * The published derivative rule for the tabulated DFT profile ("nearest-node forward slope",
 * Rao et al. 2023, physics.md §1.1): with n = round(φ/h) (half to even) and n = N − 1 when
 * n = N, f'(φ) = (E[n+1] − E[n]) / h. f' is piecewise constant with jumps at the half-nodes
 * (n + ½) h, so it is first-order accurate in h as an approximation of the profile's slope.
 *
 * <p>{@link #value} is the exact antiderivative of that f', anchored at f(0) = E[0], so the
 * pair (f, f') is consistent and the free energy of a run can be reported. |f''| is bounded
 * by the largest jump of f' divided by h.
 */
public final class NearestNodeForwardSlopeEnergy implements FreeEnergyDensity {

    private final EnergyProfile profile;
    /** slope[n] for n = 0 … N, with slope[N] = slope[N − 1] (the published n = 20 → 19 rule). */
    private final double[] slope;
    /** f at the breakpoints b_n = (n − ½) h for n = 1 … N − 1, b_0 = 0. */
    private final double[] valueAtBreak;
    private final double invH;
    private final double h;
    private final double maxCurvature;

    public NearestNodeForwardSlopeEnergy(EnergyProfile profile) {
        this.profile = profile;
        int n = profile.intervals();
        double[] e = profile.energy();
        h = profile.spacing();
        invH = n;
        slope = new double[n + 1];
        for (int k = 0; k < n; k++) {
            slope[k] = (e[k + 1] - e[k]) * invH;
        }
        slope[n] = slope[n - 1];
        valueAtBreak = new double[n];
        valueAtBreak[0] = e[0];
        double prevBreak = 0;
        for (int k = 1; k < n; k++) {
            double b = (k - 0.5) * h;
            valueAtBreak[k] = valueAtBreak[k - 1] + slope[k - 1] * (b - prevBreak);
            prevBreak = b;
        }
        double m = 0;
        for (int k = 0; k < n - 1; k++) {
            m = Math.max(m, Math.abs(slope[k + 1] - slope[k]) * invH);
        }
        maxCurvature = m;
    }

    public EnergyProfile profile() {
        return profile;
    }

    /** Index n of the slope used at φ (φ is clamped to [0, 1]). */
    private int slopeIndex(double phi) {
        double p = phi < 0 ? 0 : (phi > 1 ? 1 : phi);
        return (int) Math.rint(p * invH);
    }

    @Override
    public double derivative(double phi) {
        return slope[slopeIndex(phi)];
    }

    @Override
    public double value(double phi) {
        int n = Math.min(slopeIndex(phi), slope.length - 2);
        double b = n == 0 ? 0 : (n - 0.5) * h;
        return valueAtBreak[n] + slope[n] * (phi - b);
    }

    @Override
    public double maxCurvature() {
        return maxCurvature;
    }

    /**
     * The slope table indexed by round(φ N) for φ ∈ [0, 1] (N + 1 entries), for fused kernels
     * that inline the lookup. A copy.
     */
    public double[] slopeTable() {
        return slope.clone();
    }

    @Override
    public String name() {
        return "dft-table-forward-slope";
    }

    @Override
    public String unit() {
        return profile.unit();
    }
}
