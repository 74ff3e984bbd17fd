package org.hafnia.physics.kinetics;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.operators.FiniteVolumeDiffusion;

/**
 * The driving term of the phase-field kinetics from the local electrical state instead of a
 * uniform constant (physics.md §1.3): b(x, y) = b0 · s(x, y) with the per-node factor
 * s = |E| / E_ref (field-driven) or s = |J| / J_ref = σ |∇V| / J_ref (current-driven). The factor
 * is the {@code profile} the steppers multiply the segment bias with. For a plan-view phase
 * field solved as a film of several layers,
 * {@link org.hafnia.physics.electrostatics.ConductingFilm#columnMean} reduces it over the thickness.
 *
 * <p>For a film whose σ does not vary with depth, |E| = V/t in every column, so the
 * field-driven profile is uniform and reproduces the published constant bias when
 * E_ref = V/t; the current-driven one is proportional to σ(φ).
 */
public final class FieldDrivenBias {

    /** What drives the bias. */
    public enum Driver {
        /** s = |E| / E_ref, E_ref in V/m. */
        FIELD,
        /** s = |J| / J_ref, J_ref in A/m². */
        CURRENT_DENSITY
    }

    private FieldDrivenBias() {
    }

    /**
     * The per-cell factor s.
     *
     * @param operator  the film's operator (for the gradient)
     * @param potential V per cell, volts
     * @param sigma     σ per cell, S/m (used for {@link Driver#CURRENT_DENSITY})
     * @param driver    field or current density
     * @param reference E_ref (V/m) or J_ref (A/m²), > 0
     */
    public static double[] profile(FiniteVolumeDiffusion operator, double[] potential, double[] sigma, Driver driver,
                                   double reference) {
        if (!(reference > 0) || !Double.isFinite(reference)) {
            throw new InvalidInputException("reference " + (driver == Driver.FIELD ? "field (V/m)" : "current density (A/m²)")
                    + " must be positive and finite, got " + reference);
        }
        double[] s = new double[potential.length];
        operator.gradientMagnitude(potential, s);
        for (int p = 0; p < s.length; p++) {
            s[p] = (driver == Driver.FIELD ? s[p] : sigma[p] * s[p]) / reference;
        }
        return s;
    }
}
