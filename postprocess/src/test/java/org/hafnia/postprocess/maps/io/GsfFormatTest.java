package org.hafnia.postprocess.maps.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.postprocess.maps.ScanMap;
import org.hafnia.postprocess.maps.api.MapFormat;
import org.junit.jupiter.api.Test;

class GsfFormatTest extends MapFormatContract {

    @Override
    MapFormat format() {
        return GsfFormat.INSTANCE;
    }

    /** Values are stored as float32: rounding to nearest has relative error ≤ 2⁻²⁴. */
    @Override
    double valueTolerance() {
        return 0x1p-24;
    }

    @Test
    void layoutFollowsTheSpecification() throws Exception {
        ScanMap map = sample(LengthUnit.NANOMETRE, 500, 350);
        Path f = file("layout");
        format().write(map, f);
        byte[] b = Files.readAllBytes(f);
        String text = new String(b, StandardCharsets.UTF_8);
        assertThat(text).startsWith("Gwyddion Simple Field 1.0\n").contains("XRes = 7\n", "YRes = 5\n",
                "XYUnits = m\n", "ZUnits = A\n", "Title = Current\n");
        int nul = text.indexOf('\0');
        int offset = b.length - 4 * 7 * 5;
        assertThat(offset % 4).isZero();
        assertThat(offset - nul).isBetween(1, 4);
        for (int k = nul; k < offset; k++) {
            assertThat(b[k]).isZero();
        }
        // The first stored value is the top-left node: x = 0, y = top row.
        float first = ByteBuffer.wrap(b, offset, 4).order(ByteOrder.LITTLE_ENDIAN).getFloat();
        assertThat(first).isEqualTo((float) map.field().get(0, 4));
    }

    @Test
    void truncatedDataIsRejectedWithTheByteCounts() throws Exception {
        Path f = file("short");
        format().write(sample(LengthUnit.NANOMETRE, 500, 350), f);
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, b.length - 3));
        assertThatThrownBy(() -> format().read(f)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("truncated").hasMessageContaining("needs 140 bytes");
    }

    @Test
    void nanRegionsAreRejected() throws Exception {
        ScanMap m = sample(LengthUnit.NANOMETRE, 500, 350);
        m.values()[3] = Double.NaN;
        Path f = file("nan");
        format().write(m, f);
        assertThatThrownBy(() -> format().read(f)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("1 of 35 values are NaN");
    }
}
