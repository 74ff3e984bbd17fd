package org.hafnia.physics.materials;

import org.hafnia.physics.api.ConductivityModel;

/**
 * Log-linear interpolation of the conductivity between the insulating and the conducting
 * phase, log σ(φ) = (1 − φ) log σ_off + φ log σ_on, i.e. σ(φ) = σ_off (σ_on/σ_off)^φ, with φ
 * clamped to [0, 1] (physics.md §1.3, §6: the form recommended there for an order parameter
 * that spans many decades of conductivity).
 *
 * @param offConductivity σ_off, S/m (> 0)
 * @param onConductivity σ_on, S/m (≥ σ_off)
 */
public record LogLinearConductivity(double offConductivity, double onConductivity) implements ConductivityModel {

    public LogLinearConductivity {
        Conductivities.requireRange(offConductivity, onConductivity);
    }

    /** The defaults of {@link HafniaMaterial#DEFAULT}. */
    public static LogLinearConductivity defaults() {
        return new LogLinearConductivity(HafniaMaterial.DEFAULT.sigmaOff(), HafniaMaterial.DEFAULT.sigmaOn());
    }

    @Override
    public double conductivity(double phi) {
        double p = phi < 0 ? 0 : (phi > 1 ? 1 : phi);
        return offConductivity * Math.exp(p * Math.log(onConductivity / offConductivity));
    }

    @Override
    public String name() {
        return "log-linear";
    }
}
