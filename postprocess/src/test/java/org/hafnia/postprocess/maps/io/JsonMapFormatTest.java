package org.hafnia.postprocess.maps.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.postprocess.maps.ScanMap;
import org.hafnia.postprocess.maps.api.MapFormat;
import org.junit.jupiter.api.Test;

class JsonMapFormatTest extends MapFormatContract {

    @Override
    MapFormat format() {
        return JsonMapFormat.INSTANCE;
    }

    @Test
    void readsBareArrayOfRowsWithRowZeroAtYZero() throws Exception {
        Path f = dir.resolve("raw.json");
        Files.writeString(f, "[[1, 2, 3], [4, 5, 6]]");
        ScanMap m = format().read(f);
        assertThat(m.sizeKnown()).isFalse();
        assertThat(m.field().get(2, 0)).isEqualTo(3);
        assertThat(m.field().get(0, 1)).isEqualTo(4);
    }

    @Test
    void raggedRowsAreRejectedWithTheRowNumber() throws Exception {
        Path f = dir.resolve("ragged.json");
        Files.writeString(f, "[[1, 2, 3], [4, 5]]");
        assertThatThrownBy(() -> format().read(f)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("row 2").hasMessageContaining("expected 3");
    }
}
