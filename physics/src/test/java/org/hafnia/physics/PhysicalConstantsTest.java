package org.hafnia.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PhysicalConstantsTest {

    @Test
    void conductanceQuantumMatchesTheCodataListedValue() {
        // CODATA 2018 lists G0 = 7.748 091 729... × 10⁻⁵ S (exact since e and h are exact).
        assertThat(PhysicalConstants.CONDUCTANCE_QUANTUM_S).isCloseTo(7.748091729e-5, within(1e-14));
    }

    @Test
    void publishedRoundedConstantsAreTheCodataValuesToTheirPrintedDigits() {
        // physics.md §3 prints ħ²/2m_e = 0.03810 eV nm², k1 = 1.440 eV nm and 0.0690 (m) for the Debye
        // prefactor: each must equal the CODATA value to within half a unit of its last printed digit.
        assertThat(PhysicalConstants.HBAR2_OVER_2ME_EV_NM2).isCloseTo(0.03810, within(0.000005));
        assertThat(PhysicalConstants.COULOMB_EV_NM).isCloseTo(1.440, within(0.0005));
        assertThat(PhysicalConstants.DEBYE_PREFACTOR_NM).isCloseTo(0.0690e9, within(0.00005e9));
    }
}
