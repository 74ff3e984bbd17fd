package org.hafnia.physics;

/**
 * Physical constants in SI units. The defining constants are the exact values of the 2019 SI
 * (CODATA 2018, NIST SP 330); everything else is derived from them here, never retyped.
 */
public final class PhysicalConstants {

    /** Elementary charge e, C (exact, SI 2019). */
    public static final double ELEMENTARY_CHARGE = 1.602176634e-19;

    /** Planck constant h, J s (exact, SI 2019). */
    public static final double PLANCK = 6.62607015e-34;

    /** Boltzmann constant k_B, J/K (exact, SI 2019). */
    public static final double BOLTZMANN = 1.380649e-23;

    /** Boltzmann constant in eV/K: k_B / e. */
    public static final double BOLTZMANN_EV = BOLTZMANN / ELEMENTARY_CHARGE;

    /** Conductance quantum G0 = 2e²/h, S (≈ 77.48 µS; physics.md §6). */
    public static final double CONDUCTANCE_QUANTUM = 2 * ELEMENTARY_CHARGE * ELEMENTARY_CHARGE / PLANCK;

    private PhysicalConstants() {
    }
}
