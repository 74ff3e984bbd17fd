package org.hafnia.physics.materials;

import org.hafnia.physics.api.ConductivityModel;

/**
 * Log-linear interpolation of the conductivity between the insulating and the conducting
 * phase, log σ(φ) = (1 − φ) log σ_off + φ log σ_on, i.e. σ(φ) = σ_off (σ_on/σ_off)^φ, with φ
 * clamped to [0, 1] (physics.md §1.3, §6: the form recommended there for an order parameter
 * that spans many decades of conductivity).
 *
 * <p>A value class with the accessors, equality and string of the record it was: two models are
 * equal when σ_off and σ_on are. It is a class so that it can hold log(σ_on/σ_off), computed once
 * here instead of on every {@link #conductivity(double)} call (the same double, so the same σ bits).
 */
public final class LogLinearConductivity implements ConductivityModel {

    private final double offConductivity;
    private final double onConductivity;
    /** log(σ_on/σ_off), dimensionless. */
    private final double logRatio;

    /**
     * @param offConductivity σ_off, S/m (&gt; 0)
     * @param onConductivity  σ_on, S/m (≥ σ_off)
     */
    public LogLinearConductivity(double offConductivity, double onConductivity) {
        Conductivities.requireRange(offConductivity, onConductivity);
        this.offConductivity = offConductivity;
        this.onConductivity = onConductivity;
        this.logRatio = Math.log(onConductivity / offConductivity);
    }

    /** The defaults of {@link HafniaMaterial#DEFAULT}. */
    public static LogLinearConductivity defaults() {
        return new LogLinearConductivity(HafniaMaterial.DEFAULT.sigmaOff(), HafniaMaterial.DEFAULT.sigmaOn());
    }

    @Override
    public double conductivity(double phi) {
        double p = phi < 0 ? 0 : (phi > 1 ? 1 : phi);
        return offConductivity * Math.exp(p * logRatio);
    }

    /**
     * ln(σ_on/σ_off), dimensionless: σ(φ) = σ_off exp(clamp[0,1](φ) · logRatio), as {@link #conductivity(double)}
     * evaluates it (a kernel that evaluates the same law with another exponential takes these two numbers).
     */
    public double logRatio() {
        return logRatio;
    }

    /** σ_off, S/m. */
    @Override
    public double offConductivity() {
        return offConductivity;
    }

    /** σ_on, S/m. */
    @Override
    public double onConductivity() {
        return onConductivity;
    }

    @Override
    public String name() {
        return "log-linear";
    }

    /** Equal when σ_off and σ_on are (compared as a record compares its double components). */
    @Override
    public boolean equals(Object o) {
        return o instanceof LogLinearConductivity c
                && Double.compare(c.offConductivity, offConductivity) == 0
                && Double.compare(c.onConductivity, onConductivity) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(offConductivity) + Double.hashCode(onConductivity);
    }

    @Override
    public String toString() {
        return "LogLinearConductivity[offConductivity=" + offConductivity + ", onConductivity=" + onConductivity + "]";
    }
}
