package org.hafnia.physics.api;

/**
 * Electrical conductivity σ(φ) of HfO2 as a function of the channel order parameter
 * φ ∈ [0, 1] (0 = insulating, 1 = conducting), in S/m. Values of φ outside [0, 1] are clamped.
 * Implementations are immutable and thread-safe.
 */
public interface ConductivityModel {

    /** σ(φ) in S/m (> 0). */
    double conductivity(double phi);

    /** Writes σ(φ[k]) into {@code sigma[k]} for every node. */
    default void conductivity(double[] phi, double[] sigma) {
        for (int k = 0; k < phi.length; k++) {
            sigma[k] = conductivity(phi[k]);
        }
    }

    /** σ of the insulating phase, σ(0), S/m. */
    double offConductivity();

    /** σ of the conducting phase, σ(1), S/m. */
    double onConductivity();

    /** Short name used in reports. */
    String name();
}
