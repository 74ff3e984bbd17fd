package org.hafnia.physics;

/**
 * Physical constants, CODATA 2018 recommended values (E. Tiesinga et al., Rev. Mod. Phys. 93,
 * 025010 (2021); physics.nist.gov/constants). Since the 2019 SI redefinition e, h and k_B are
 * exact; m_e and ε0 are measured. Derived constants are computed here from these, never retyped.
 */
public final class PhysicalConstants {

    /** Elementary charge e, C (exact). */
    public static final double ELEMENTARY_CHARGE_C = 1.602176634e-19;

    /** Planck constant h, J s (exact). */
    public static final double PLANCK_J_S = 6.62607015e-34;

    /** Reduced Planck constant ħ = h / 2π, J s. */
    public static final double REDUCED_PLANCK_J_S = PLANCK_J_S / (2 * Math.PI);

    /** Boltzmann constant k_B, J/K (exact). */
    public static final double BOLTZMANN_J_PER_K = 1.380649e-23;

    /** Boltzmann constant in eV/K: k_B / e. */
    public static final double BOLTZMANN_EV_PER_K = BOLTZMANN_J_PER_K / ELEMENTARY_CHARGE_C;

    /** Electron mass m_e, kg (CODATA 2018, relative uncertainty 3.0e-10). */
    public static final double ELECTRON_MASS_KG = 9.1093837015e-31;

    /** Vacuum electric permittivity ε0, F/m (CODATA 2018, relative uncertainty 1.5e-10). */
    public static final double VACUUM_PERMITTIVITY_F_PER_M = 8.8541878128e-12;

    /** Conductance quantum G0 = 2e²/h, S (spin-degenerate Landauer channel). */
    public static final double CONDUCTANCE_QUANTUM_S = 2 * ELEMENTARY_CHARGE_C * ELEMENTARY_CHARGE_C / PLANCK_J_S;

    /** ħ²/(2 m_e), eV nm² (kinetic-energy scale of a free electron). */
    public static final double HBAR2_OVER_2ME_EV_NM2 = REDUCED_PLANCK_J_S * REDUCED_PLANCK_J_S
            / (2 * ELECTRON_MASS_KG) / ELEMENTARY_CHARGE_C * 1e18;

    /** e²/(4π ε0), eV nm: Coulomb energy of two elementary charges 1 nm apart in vacuum. */
    public static final double COULOMB_EV_NM = ELEMENTARY_CHARGE_C / (4 * Math.PI * VACUUM_PERMITTIVITY_F_PER_M) * 1e9;

    /**
     * Debye-length prefactor, nm: λ_D = sqrt(ε0 ε_r k_B T / (n e²)) = this · sqrt(ε_r T / n) with
     * T in K and n in cm⁻³ (the 10⁶ converts cm⁻³ to m⁻³, the 10⁹ m to nm).
     */
    public static final double DEBYE_PREFACTOR_NM = Math.sqrt(VACUUM_PERMITTIVITY_F_PER_M * BOLTZMANN_J_PER_K
            / (ELEMENTARY_CHARGE_C * ELEMENTARY_CHARGE_C * 1e6)) * 1e9;

    private PhysicalConstants() {
    }
}
