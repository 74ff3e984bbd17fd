package org.hafnia.physics.transport;

import org.apache.commons.math3.complex.Complex;
import org.hafnia.physics.PhysicalConstants;

/**
 * The solution of a {@link ChannelScattering} problem for a unit wave incident from the left in
 * the lowest mode (1,1), as in physics.md §3, plus the total transmission of every other
 * propagating incident mode for the Landauer conductance.
 */
public final class ScatteringResult {

    private final double[] z;
    private final Complex[] psi;
    private final Complex[] reflection;
    private final Complex[] transmission;
    private final Complex[] wavenumber;
    private final double[] fluxWeight;
    private final String[] labels;
    private final double[] modeEnergy;
    private final int[] incident;
    private final double[] transmissionByIncident;
    private final double debyeLength;

    ScatteringResult(double[] z, Complex[] psi, Complex[] reflection, Complex[] transmission, Complex[] wavenumber,
                     double[] fluxWeight, String[] labels, double[] modeEnergy, int[] incident,
                     double[] transmissionByIncident, double debyeLength) {
        this.z = z.clone();
        this.psi = psi.clone();
        this.reflection = reflection.clone();
        this.transmission = transmission.clone();
        this.wavenumber = wavenumber.clone();
        this.fluxWeight = fluxWeight.clone();
        this.labels = labels.clone();
        this.modeEnergy = modeEnergy.clone();
        this.incident = incident.clone();
        this.transmissionByIncident = transmissionByIncident.clone();
        this.debyeLength = debyeLength;
    }

    /** Number of transverse modes M. */
    public int modes() {
        return labels.length;
    }

    /** Node positions z_l, nm. */
    public double[] z() {
        return z.clone();
    }

    /** ψ_i(z_l): coefficient of mode i at node l (incident (1,1) wave of unit amplitude). */
    public Complex amplitude(int node, int mode) {
        return psi[node * modes() + mode];
    }

    /**
     * n(z_l) = Σ_i |ψ_i(z_l)|²: the probability density integrated over the cross-section,
     * relative to the incident wave's (dimensionless; the χ_i are orthonormal).
     */
    public double[] density() {
        int m = modes();
        double[] n = new double[z.length];
        for (int l = 0; l < z.length; l++) {
            double s = 0;
            for (int i = 0; i < m; i++) {
                double a = psi[l * m + i].abs();
                s += a * a;
            }
            n[l] = s;
        }
        return n;
    }

    /** Reflection amplitude r_i of mode i. */
    public Complex reflection(int mode) {
        return reflection[mode];
    }

    /** Transmission amplitude t_i of mode i. */
    public Complex transmission(int mode) {
        return transmission[mode];
    }

    /** Continuum wavenumber k_i = sqrt(k0² − ε_i/c) (principal root), nm⁻¹. */
    public Complex wavenumber(int mode) {
        return wavenumber[mode];
    }

    /** Flux weight Re K_i of mode i, nm⁻¹ (Re k_i for the published leads; 0 when evanescent). */
    public double fluxWeight(int mode) {
        return fluxWeight[mode];
    }

    /** Mode label "(p,q)". */
    public String label(int mode) {
        return labels[mode];
    }

    /** ε_i above the lowest transverse level, eV. */
    public double modeEnergy(int mode) {
        return modeEnergy[mode];
    }

    /** Whether mode i carries current in the leads. */
    public boolean propagating(int mode) {
        return fluxWeight[mode] > 0;
    }

    /** Number of propagating modes. */
    public int propagatingModes() {
        return incident.length;
    }

    /**
     * T = Σ_prop |t_i|² Re K_i / Re K_0 for the (1,1) incident wave: Re k_i / k0 with the
     * published leads (physics.md §3), the discrete group velocities with the lattice leads.
     */
    public double transmission() {
        return transmissionByIncident[0];
    }

    /** R = Σ_prop |r_i|² Re K_i / Re K_0 for the (1,1) incident wave. */
    public double reflection() {
        double s = 0;
        for (int i = 0; i < modes(); i++) {
            double a = reflection[i].abs();
            s += a * a * fluxWeight[i];
        }
        return s / fluxWeight[0];
    }

    /**
     * Landauer transmission Tr(t†t) = Σ over propagating incident modes of their total
     * transmission; equal to {@link #transmission()} when only (1,1) propagates (all published cases).
     */
    public double landauerTransmission() {
        double s = 0;
        for (double t : transmissionByIncident) {
            s += t;
        }
        return s;
    }

    /** G = (2e²/h) Tr(t†t), S. */
    public double conductanceSiemens() {
        return PhysicalConstants.CONDUCTANCE_QUANTUM_S * landauerTransmission();
    }

    /** G in units of G0 = 2e²/h. */
    public double conductanceG0() {
        return landauerTransmission();
    }

    /** λ_D of the calculation, nm. */
    public double debyeLength() {
        return debyeLength;
    }
}
