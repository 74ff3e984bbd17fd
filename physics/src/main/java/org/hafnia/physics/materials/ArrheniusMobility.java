package org.hafnia.physics.materials;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.PhysicalConstants;

/**
 * Thermally activated kinetic coefficient L(T) = L0 exp(−E_a / k_B T) (physics.md §1.3), the
 * Arrhenius law of oxygen-vacancy migration that makes switching strongly non-linear in
 * voltage and time once Joule heating raises T.
 *
 * @param prefactor        L0 (the model's mobility unit)
 * @param activationEnergy E_a in eV (> 0); physics.md §6 gives 0.7–1.5 eV for HfO2
 */
public record ArrheniusMobility(double prefactor, double activationEnergy) {

    public ArrheniusMobility {
        if (!(prefactor > 0) || !Double.isFinite(prefactor)) {
            throw new InvalidInputException("Arrhenius prefactor L0 must be positive and finite, got " + prefactor);
        }
        if (!(activationEnergy > 0) || !Double.isFinite(activationEnergy)) {
            throw new InvalidInputException("activation energy E_a must be positive and finite (eV), got " + activationEnergy);
        }
    }

    /**
     * The law normalised so that L(T_ref) = L_ref, i.e. L0 = L_ref exp(E_a / k_B T_ref): keeps a
     * reduced-unit mobility (1 in the published run) at room temperature.
     */
    public static ArrheniusMobility normalisedAt(double referenceMobility, double referenceTemperature,
                                                 double activationEnergy) {
        if (!(referenceTemperature > 0)) {
            throw new InvalidInputException("reference temperature must be positive (K), got " + referenceTemperature);
        }
        double l0 = referenceMobility * Math.exp(activationEnergy / (PhysicalConstants.BOLTZMANN_EV_PER_K * referenceTemperature));
        return new ArrheniusMobility(l0, activationEnergy);
    }

    /** L(T), T in K (> 0). */
    public double at(double temperature) {
        return prefactor * Math.exp(-activationEnergy / (PhysicalConstants.BOLTZMANN_EV_PER_K * temperature));
    }

    /** Writes L(T[k]) into {@code out[k]}. */
    public void at(double[] temperature, double[] out) {
        for (int k = 0; k < temperature.length; k++) {
            out[k] = at(temperature[k]);
        }
    }
}
