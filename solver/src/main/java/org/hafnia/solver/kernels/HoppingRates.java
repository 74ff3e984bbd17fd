package org.hafnia.solver.kernels;

import org.hafnia.physics.PhysicalConstants;

/**
 * Per-node rates of a thermally activated, field-accelerated ion hop (physics.md §1.3; Ielmini,
 * IEEE TED 58, 4309 (2011)) at the node temperatures T and one field E:
 * <ul>
 * <li>the per-site Arrhenius mobility λ = L/v = ν₀/(k_B T) · exp(−E_a/k_B T), 1/(eV s);</li>
 * <li>the per-site drive v·b = −b₀ sinh(q E/k_B T), eV, with q = z a/2 (eV per V/m).</li>
 * </ul>
 * With u = 1/(k_B T) (one division per node): λ = (ν₀ u) e^(−E_a u) and v·b = −b₀ sinh((q E) u), the
 * exponentials from {@link Exp} and {@link Sinh} (relative errors ≤ {@value Exp#RELATIVE_ERROR} and
 * ≤ {@value Sinh#RELATIVE_ERROR}). {@link #rates} runs SIMD rows on the Vector API when
 * {@link VectorSupport#available()} ({@link VectorHopping}), each lane the scalar expression in the
 * same order, so both paths give the scalar methods' bits ({@code HoppingRatesTest}).
 *
 * @param attemptFrequency ν₀, 1/s
 * @param activationEnergy E_a, eV
 * @param driveScale       b₀, eV
 * @param drivePerField    q = z a/2, eV per V/m (a in m)
 */
public record HoppingRates(double attemptFrequency, double activationEnergy, double driveScale, double drivePerField) {

    /** λ(T) = (ν₀ u) e^(−E_a u), u = 1/(k_B T), 1/(eV s). */
    public double mobility(double temperature) {
        double u = 1 / (PhysicalConstants.BOLTZMANN_EV_PER_K * temperature);
        return attemptFrequency * u * Exp.of(-activationEnergy * u);
    }

    /** v·b(E, T) = −b₀ sinh((q E) u), u = 1/(k_B T), eV, for the field E (V/m) at T (K). */
    public double drive(double field, double temperature) {
        double u = 1 / (PhysicalConstants.BOLTZMANN_EV_PER_K * temperature);
        return -driveScale * Sinh.of(drivePerField * field * u);
    }

    /**
     * mobility[k] = {@link #mobility}(temp[k]) and drive[k] = {@link #drive}(field, temp[k]) for k in
     * [from, to), with the scalar methods' bits on either path.
     *
     * @param vectorised SIMD rows when the Vector API is available
     */
    public void rates(double[] temp, double field, int from, int to, double[] mobility, double[] drive,
                      boolean vectorised) {
        int k = from;
        if (vectorised && VectorSupport.available()) {
            k = VectorHopping.rates(this, temp, field, from, to, mobility, drive);
        }
        double qe = drivePerField * field;
        for (; k < to; k++) {
            double u = 1 / (PhysicalConstants.BOLTZMANN_EV_PER_K * temp[k]);
            mobility[k] = attemptFrequency * u * Exp.of(-activationEnergy * u);
            drive[k] = -driveScale * Sinh.of(qe * u);
        }
    }
}
