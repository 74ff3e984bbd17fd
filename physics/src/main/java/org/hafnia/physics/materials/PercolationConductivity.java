package org.hafnia.physics.materials;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.api.ConductivityModel;

/**
 * Percolation-style threshold conductivity: below the threshold φ_c the material is
 * insulating; above it the conducting fraction adds with the power law of percolation theory,
 * σ(φ) = σ_off + (σ_on − σ_off) ((φ − φ_c)/(1 − φ_c))^μ for φ > φ_c, σ_off otherwise
 * (φ clamped to [0, 1]). μ ≈ 2.0 is the universal conductivity exponent of 3D percolation
 * (D. Stauffer and A. Aharony, Introduction to Percolation Theory, 2nd ed., Taylor & Francis
 * 1994, §5; t ≈ 2.0 in 3D, 1.3 in 2D).
 *
 * @param offConductivity       σ_off, S/m (> 0)
 * @param onConductivity       σ_on, S/m (≥ σ_off)
 * @param threshold φ_c in [0, 1)
 * @param exponent  μ (> 0)
 */
public record PercolationConductivity(double offConductivity, double onConductivity, double threshold, double exponent)
        implements ConductivityModel {

    /** Conductivity exponent of 3D percolation (Stauffer & Aharony 1994). */
    public static final double EXPONENT_3D = 2.0;

    public PercolationConductivity {
        Conductivities.requireRange(offConductivity, onConductivity);
        if (!(threshold >= 0 && threshold < 1)) {
            throw new InvalidInputException("percolation threshold φ_c must be in [0, 1), got " + threshold);
        }
        if (!(exponent > 0) || !Double.isFinite(exponent)) {
            throw new InvalidInputException("percolation exponent μ must be positive and finite, got " + exponent);
        }
    }

    @Override
    public double conductivity(double phi) {
        double p = phi > 1 ? 1 : phi;
        if (!(p > threshold)) {
            return offConductivity;
        }
        return offConductivity + (onConductivity - offConductivity) * Math.pow((p - threshold) / (1 - threshold), exponent);
    }

    @Override
    public String name() {
        return "percolation";
    }
}
