package org.hafnia.physics.compact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Each device's own energy law, against hand-computed analytic cases. */
class DeviceEnergyLawTest {

    /** Relative tolerance: the laws are a few products of doubles, exact to rounding (~10⁻¹⁶ each). */
    private static final double EXACT = 1e-12;

    /** 60–100 µS in 100 reference pulses of 5 V / 100 ms (ΔG₀ = 0.4 µS), threshold 1 V, no spread or noise. */
    private static EcramParameters ecram() {
        return new EcramParameters(60e-6, 100e-6, 0, 100, 0, 0, 0, 5, 1, 0.1, 0.1, 1e-3,
                new EcramParameters.Gate(10e-6, 1e-4, 0.5e-12));
    }

    @Test
    void ecramWriteEnergyIsGateVoltageTimesIonicPlusCapacitiveCharge() {
        EcramDevice d = new EcramDevice(ecram(), 1);
        // Reference pulse: Q_ion = ΔG L²/μ = 0.4e-6 S · (1e-5 m)² / 1e-4 m²/(V s) = 4e-13 C; C V = 2.5e-12 C;
        // E = 5 V · 2.9e-12 C = 1.45e-11 J.
        assertThat(d.pulseEnergy(5, 0.1)).isCloseTo(1.45e-11, within(EXACT * 1.45e-11));
        // Half the overdrive (3 V) and half the width: ΔG = 0.1 µS, Q_ion = 1e-13 C; C V = 1.5e-12 C; E = 3 V · 1.6e-12 C.
        assertThat(d.pulseEnergy(3, 0.05)).isCloseTo(4.8e-12, within(EXACT * 4.8e-12));
        // Below threshold no ion moves: only the capacitance, C V² = 0.5e-12 F · 0.25 V² = 1.25e-13 J.
        assertThat(d.pulseEnergy(0.5, 0.1)).isCloseTo(1.25e-13, within(EXACT * 1.25e-13));
        // At the low bound a RESET pulse moves no ion either (the channel is empty): C V² = 1.25e-11 J.
        assertThat(d.pulseEnergy(-5, 0.1)).isCloseTo(1.25e-11, within(EXACT * 1.25e-11));
        // Asking changes nothing.
        assertThat(d.conductance()).isEqualTo(60e-6);
    }

    @Test
    void ecramEnergyFollowsTheChargeTheStepCanStillMoveNearTheBound() {
        EcramDevice d = new EcramDevice(ecram(), 1);
        for (int k = 0; k < 99; k++) {
            d.pulse(5, 0.1);
        }
        // 0.4 µS below Gmax: a double-width pulse would move 0.8 µS but the channel takes only 0.4 µS (4e-13 C).
        assertThat(d.conductance()).isCloseTo(99.6e-6, within(1e-15));
        assertThat(d.pulseEnergy(5, 0.2)).isCloseTo(5 * (4e-13 + 2.5e-12), within(EXACT * 1.45e-11));
        // A RESET from there moves the full 0.8 µS: 5 V · (8e-13 + 2.5e-12) C.
        assertThat(d.pulseEnergy(-5, 0.2)).isCloseTo(5 * (8e-13 + 2.5e-12), within(EXACT * 1.65e-11));
    }

    @Test
    void ecramReadDissipatesInTheChannelNotTheGate() {
        EcramDevice d = new EcramDevice(ecram(), 1);
        // V_read² G t_read = 0.01 V² · 60 µS · 1 ms = 6e-10 J.
        assertThat(d.readEnergy()).isCloseTo(6e-10, within(EXACT * 6e-10));
    }

    @Test
    void twoTerminalCompactDeviceDissipatesJouleEnergyInItsConductanceAndTheEcramDoesNot() {
        CompactDeviceParameters p = new CompactDeviceParameters(20e-6, 150e-6, 0, 60, 60, 25, 15, 0, 0, 0,
                0, 0, 8e-3, 4e-3, 1, 5, 0, 0, 0, 1.0, 1.0, -1.0, 0.5, 1e-6, 0.15, 1e-6);
        CompactDevice c = new CompactDevice(p, 1);
        // V² G τ at Gmin: 1 V² · 20 µS · 1 µs = 2e-11 J; read 0.0225 V² · 20 µS · 1 µs = 4.5e-13 J.
        assertThat(c.pulseEnergy(1.0, 1e-6)).isCloseTo(2e-11, within(EXACT * 2e-11));
        assertThat(c.readEnergy()).isCloseTo(4.5e-13, within(EXACT * 4.5e-13));
        // Control: the two-terminal law applied to the ECRAM channel (25 V² · 60 µS · 0.1 s = 1.5e-4 J) is
        // seven orders above its gate law: the ECRAM does not use it.
        EcramDevice e = new EcramDevice(ecram(), 1);
        assertThat(e.pulseEnergy(5, 0.1)).isLessThan(1e-6 * ResistiveDevice.joule(5, e.conductance(), 0.1));
    }
}
