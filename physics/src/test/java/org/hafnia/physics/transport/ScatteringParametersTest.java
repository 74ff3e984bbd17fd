package org.hafnia.physics.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.hafnia.meshes.InvalidInputException;
import org.junit.jupiter.api.Test;

class ScatteringParametersTest {

    @Test
    void debyeLengthFollowsThePublishedFormula() {
        ScatteringParameters p = ScatteringParameters.builder().carrierDensity(5e18).build();
        // λ_D = sqrt(16 · 300 / 5e18) · 0.0690e9 nm, evaluated independently.
        assertThat(p.debyeLength()).isCloseTo(Math.sqrt(4800 / 5e18) * 0.0690e9, within(1e-12));
    }

    @Test
    void builderChangesOnlyWhatIsSet() {
        ScatteringParameters p = ScatteringParameters.builder().width(3).build();
        assertThat(p.widthX()).isEqualTo(3);
        assertThat(p.widthY()).isEqualTo(3);
        assertThat(p.toBuilder().width(1).build()).isEqualTo(ScatteringParameters.PUBLISHED);
        assertThat(p.nodes()).hasSize(101);
        assertThat(p.nodes()[0]).isEqualTo(-3);
        assertThat(p.nodes()[100]).isCloseTo(3, within(1e-12));
    }

    @Test
    void badValuesAreRejectedByKey() {
        assertThatThrownBy(() -> ScatteringParameters.builder().carrierDensity(-1).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("carrier_density_cm3");
        assertThatThrownBy(() -> ScatteringParameters.builder().intervals(1).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("intervals");
        assertThatThrownBy(() -> ScatteringParameters.builder().energy(Double.NaN).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("energy_eV");
    }

    @Test
    void aTrapInsideTheCrossSectionIsRejected() {
        assertThatThrownBy(() -> ScatteringParameters.builder().traps(PointTrap.electron(0.5, 0.5, 0)).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("traps[0]");
    }
}
