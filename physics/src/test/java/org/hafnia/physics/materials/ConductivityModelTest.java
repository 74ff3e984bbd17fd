package org.hafnia.physics.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.PhysicalConstants;
import org.junit.jupiter.api.Test;

class ConductivityModelTest {

    @Test
    void logLinearHitsEndpointsAndIsGeometricInBetween() {
        LogLinearConductivity m = new LogLinearConductivity(1e-2, 1e4);
        assertThat(m.conductivity(0)).isCloseTo(1e-2, within(1e-16));
        assertThat(m.conductivity(1)).isCloseTo(1e4, within(1e-10));
        // log-linear: σ(½) is the geometric mean, each 0.1 in φ one decade here (6 decades over 1, so 0.6 per 0.1)
        assertThat(m.conductivity(0.5)).isCloseTo(Math.sqrt(1e-2 * 1e4), within(1e-12));
        assertThat(m.conductivity(0.6) / m.conductivity(0.5)).isCloseTo(Math.pow(1e6, 0.1), within(1e-12));
        assertThat(m.conductivity(-0.3)).isEqualTo(m.conductivity(0));
        assertThat(m.conductivity(1.7)).isEqualTo(m.conductivity(1));
    }

    @Test
    void logLinearKeepsTheBitsOfTheClosedFormWithTheLogRatioTakenPerCall() {
        // σ_off exp(φ log(σ_on/σ_off)) as the record computed it on every call: the log ratio held once is the
        // same double, so σ must keep its bits (tolerance 0), φ clamped as before.
        double off = 1e-2;
        double on = 7e4;
        LogLinearConductivity m = new LogLinearConductivity(off, on);
        for (int i = -20; i <= 1020; i++) {
            double phi = i / 1000.0;
            double p = Math.max(0, Math.min(1, phi));
            assertThat(Double.doubleToRawLongBits(m.conductivity(phi)))
                    .isEqualTo(Double.doubleToRawLongBits(off * Math.exp(p * Math.log(on / off))));
        }
    }

    @Test
    void logLinearModelsAreEqualExactlyWhenTheirConductivitiesAre() {
        LogLinearConductivity m = new LogLinearConductivity(1e-2, 7e4);
        assertThat(m).isEqualTo(new LogLinearConductivity(1e-2, 7e4)).hasSameHashCodeAs(new LogLinearConductivity(1e-2, 7e4));
        assertThat(m).isNotEqualTo(new LogLinearConductivity(1e-2, 7.0001e4)).isNotEqualTo(new LogLinearConductivity(2e-2, 7e4));
        assertThat(m.offConductivity()).isEqualTo(1e-2);
        assertThat(m.onConductivity()).isEqualTo(7e4);
        assertThat(m).hasToString("LogLinearConductivity[offConductivity=0.01, onConductivity=70000.0]");
    }

    @Test
    void percolationIsInsulatingBelowThresholdAndFollowsPowerLawAbove() {
        PercolationConductivity m = new PercolationConductivity(1e-2, 7e4, 0.4, PercolationConductivity.EXPONENT_3D);
        assertThat(m.conductivity(0.2)).isEqualTo(1e-2);
        assertThat(m.conductivity(0.4)).isEqualTo(1e-2);
        assertThat(m.conductivity(1)).isCloseTo(7e4, within(1e-9));
        // (φ − φc)/(1 − φc) = 0.5 → 0.25 of the contrast for μ = 2
        assertThat(m.conductivity(0.7)).isCloseTo(1e-2 + (7e4 - 1e-2) * 0.25, within(1e-9));
    }

    @Test
    void rejectsUnphysicalParameters() {
        assertThatThrownBy(() -> new LogLinearConductivity(0, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("σ_off");
        assertThatThrownBy(() -> new LogLinearConductivity(10, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("σ_on");
        assertThatThrownBy(() -> new PercolationConductivity(1, 2, 1.0, 2)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("threshold");
    }

    /** The default σ_on with a 3 nm diameter channel through 5 nm gives the measured ≈ 98 µS (physics.md §6). */
    @Test
    void defaultMaterialGivesTheMeasuredDeviceConductanceForANanometreChannel() {
        HafniaMaterial m = HafniaMaterial.DEFAULT;
        double r = 1.5e-9;
        double g = m.sigmaOn() * Math.PI * r * r / m.thickness();
        assertThat(g).isBetween(90e-6, 110e-6);
        assertThat(g / PhysicalConstants.CONDUCTANCE_QUANTUM_S).isBetween(1.1, 1.4);
    }
}
