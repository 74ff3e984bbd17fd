package org.hafnia.physics.traps;

import org.hafnia.meshes.InvalidInputException;

/**
 * A trap-state lifetime that depends on the applied voltage, τ(V) = τ_p · exp(−s |V|)
 * (physics.md §4, the law that {@code postprocess.rtn.VoltageDependenceFit} fits; s = 1/V0, and
 * s = 0 for a lifetime that does not depend on V).
 *
 * @param prefactor τ_p, the lifetime extrapolated to V = 0, s
 * @param slope     s = 1/V0, 1/V (0: flat)
 */
public record LifetimeLaw(double prefactor, double slope) {

    public LifetimeLaw {
        if (!(prefactor > 0) || !Double.isFinite(prefactor)) {
            throw new InvalidInputException("lifetime prefactor: expected a finite positive time in s, got " + prefactor);
        }
        if (!Double.isFinite(slope)) {
            throw new InvalidInputException("lifetime slope: expected a finite number in 1/V, got " + slope);
        }
    }

    /** τ(V), s, at the signed voltage {@code volts} (V). */
    public double tau(double volts) {
        return prefactor * Math.exp(-slope * Math.abs(volts));
    }

    /** V0 = 1/s, V (infinite for a flat law). */
    public double v0() {
        return 1 / slope;
    }
}
