package org.hafnia.postprocess.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.LengthUnit;
import org.junit.jupiter.api.Test;

class SiUnitsTest {

    @Test
    void splitsPrefixesButNotBaseUnitsThatLookLikeThem() {
        assertThat(SiUnits.split("pA")).isEqualTo(new SiUnits.Split(1e-12, "A"));
        assertThat(SiUnits.split("\u00B5m")).isEqualTo(new SiUnits.Split(1e-6, "m"));
        assertThat(SiUnits.split("\u03BCm")).isEqualTo(new SiUnits.Split(1e-6, "m"));
        assertThat(SiUnits.split("mm")).isEqualTo(new SiUnits.Split(1e-3, "m"));
        assertThat(SiUnits.split("m")).isEqualTo(new SiUnits.Split(1, "m"));
        assertThat(SiUnits.split("A")).isEqualTo(new SiUnits.Split(1, "A"));
        assertThat(SiUnits.split("daN")).isEqualTo(new SiUnits.Split(10, "N"));
        assertThat(SiUnits.split("counts")).isEqualTo(new SiUnits.Split(1, "counts"));
    }

    @Test
    void convertsOnlyBetweenUnitsOfTheSameBase() {
        assertThat(SiUnits.conversion("nA", "pA")).isEqualTo(1e-9 / 1e-12);
        assertThatThrownBy(() -> SiUnits.conversion("nA", "V")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void choosesAGridUnitForLengths() {
        assertThat(SiUnits.gridUnit("nm", 5e-7)).isEqualTo(LengthUnit.NANOMETRE);
        assertThat(SiUnits.gridUnit("m", 5e-7)).isEqualTo(LengthUnit.NANOMETRE);
        assertThat(SiUnits.gridUnit("m", 5e-6)).isEqualTo(LengthUnit.MICROMETRE);
        assertThat(SiUnits.gridUnit("\u00C5", 5e-8)).isEqualTo(LengthUnit.NANOMETRE);
        assertThat(SiUnits.gridUnit("", 1)).isEqualTo(LengthUnit.REDUCED);
        assertThat(SiUnits.metresPer("\u00C5")).isEqualTo(1e-10);
        assertThatThrownBy(() -> SiUnits.metresPer("pA")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a length");
    }
}
