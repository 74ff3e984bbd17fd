package org.hafnia.postprocess.maps.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.postprocess.maps.ScanMap;
import org.hafnia.postprocess.maps.api.MapFormat;
import org.junit.jupiter.api.Test;

class GwyddionTextFormatTest extends MapFormatContract {

    @Override
    MapFormat format() {
        return TextMatrixFormat.GWYDDION_TEXT;
    }

    @Test
    void readsGwyddionExportHeaderWithMicroSignAndTopRowFirst() throws Exception {
        Path f = dir.resolve("export.txt");
        Files.writeString(f, "# Channel: Current\n# Width: 1.500 \u00B5m\n# Height: 580.000 nm\n"
                + "# Value units: A\n1.0e-09\t2.0e-09\n3.0e-09\t4.0e-09\n");
        ScanMap m = format().read(f);
        assertThat(m.title()).isEqualTo("Current");
        assertThat(m.zUnit()).isEqualTo("A");
        assertThat(m.grid().unit()).isEqualTo(LengthUnit.MICROMETRE);
        assertThat(m.grid().width()).isCloseTo(1.5, within(1.5 * SIZE_TOLERANCE));
        assertThat(m.grid().height()).isCloseTo(0.58, within(0.58 * SIZE_TOLERANCE));
        // The first line is the top of the image: it becomes the last row (largest y).
        assertThat(m.field().get(0, 1)).isEqualTo(1.0e-09);
        assertThat(m.field().get(1, 0)).isEqualTo(4.0e-09);
    }

    @Test
    void plainMatrixWithoutHeaderHasUnknownSize() throws Exception {
        Path f = dir.resolve("plain.txt");
        Files.writeString(f, "1 2 3\n4 5 6\n");
        ScanMap m = format().read(f);
        assertThat(m.sizeKnown()).isFalse();
        assertThat(m.grid().nx()).isEqualTo(3);
    }

    @Test
    void widthWithoutHeightIsRejected() throws Exception {
        Path f = dir.resolve("half.txt");
        Files.writeString(f, "# Width: 5 nm\n1 2\n");
        assertThatThrownBy(() -> format().read(f)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Width").hasMessageContaining("Height");
    }

    @Test
    void lateralUnitThatIsNotALengthIsRejected() throws Exception {
        Path f = dir.resolve("volts.txt");
        Files.writeString(f, "# Width: 5 V\n# Height: 5 V\n1 2\n");
        assertThatThrownBy(() -> format().read(f)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'V' is not a length");
    }
}
