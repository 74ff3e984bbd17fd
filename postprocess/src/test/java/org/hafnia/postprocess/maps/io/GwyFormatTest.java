package org.hafnia.postprocess.maps.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.postprocess.maps.ScanMap;
import org.hafnia.postprocess.maps.api.MapFormat;
import org.junit.jupiter.api.Test;

class GwyFormatTest extends MapFormatContract {

    @Override
    MapFormat format() {
        return GwyFormat.INSTANCE;
    }

    private static GwyObject dataField(int xres, int yres, double[] data, String xy, String z) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("xres", xres);
        f.put("yres", yres);
        f.put("xreal", 2e-6);
        f.put("yreal", 1e-6);
        f.put("si_unit_xy", new GwyObject("GwySIUnit", Map.of("unitstr", xy)));
        f.put("si_unit_z", new GwyObject("GwySIUnit", Map.of("unitstr", z)));
        f.put("data", data);
        return new GwyObject("GwyDataField", f);
    }

    private Path gwy(Map<String, Object> container) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("GWYP".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new GwyObject("GwyContainer", container).serialize());
        Path f = dir.resolve("built.gwy");
        Files.write(f, out.toByteArray());
        return f;
    }

    private static ScanMap channel(String title, double value, double xOff) {
        return new ScanMap(new org.hafnia.meshes.ScalarField2D(org.hafnia.meshes.Grid2D.ofExtent(3, 2, 300, 200,
                LengthUnit.NANOMETRE), new double[] {value, value, value, value, value, value}), "A", title, Map.of(), true,
                xOff, 40);
    }

    @Test
    void everyChannelIsListedAndEachCanBeChosenByNumberOrTitle() {
        Path f = dir.resolve("two.gwy");
        GwyFormat.INSTANCE.writeChannels(java.util.List.of(channel("Height", 1, 10), channel("Current", 2, 20)), f);
        assertThat(GwyFormat.INSTANCE.channels(f)).containsExactly(new GwyFormat.Channel(0, "Height"),
                new GwyFormat.Channel(1, "Current"));
        assertThat(GwyFormat.INSTANCE.read(f).title()).isEqualTo("Height");
        assertThat(GwyFormat.INSTANCE.read(f, "1").values()[0]).isEqualTo(2e0);
        assertThat(GwyFormat.INSTANCE.read(f, "current").title()).isEqualTo("Current");
        assertThatThrownBy(() -> GwyFormat.INSTANCE.read(f, "Phase")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'Phase'").hasMessageContaining("0 'Height', 1 'Current'");
    }

    @Test
    void originOffsetsAreKept() {
        Path f = dir.resolve("offset.gwy");
        GwyFormat.INSTANCE.write(channel("Current", 1, 12.5), f);
        ScanMap m = GwyFormat.INSTANCE.read(f);
        // Stored in metres and read back in nm: exact to the double rounding of × 1e-9 / 1e-9.
        assertThat(m.xOffset()).isCloseTo(12.5, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(m.yOffset()).isCloseTo(40, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void skipsUnknownComponentsOfEveryTypeAndTakesTheLowestChannel() throws Exception {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("/0/base/palette", "Gray");
        c.put("/0/show", new GwyObject("GwyUnknownThing", Map.of("flag", true, "count", 3L)));
        c.put("/0/ints", new int[] {1, 2, 3});
        c.put("/0/longs", new long[] {4L});
        c.put("/0/bytes", new byte[] {7, 8});
        c.put("/0/strings", new String[] {"a", "bc"});
        c.put("/0/objects", new GwyObject[] {new GwyObject("GwySIUnit", Map.of("unitstr", "V"))});
        c.put("/5/data", dataField(1, 1, new double[] {42}, "m", "V"));
        c.put("/2/data", dataField(2, 2, new double[] {1, 2, 3, 4}, "m", "nA"));
        c.put("/2/data/title", "Current");
        ScanMap m = format().read(gwy(c));
        assertThat(m.title()).isEqualTo("Current");
        assertThat(m.zUnit()).isEqualTo("A");
        assertThat(m.grid().unit()).isEqualTo(LengthUnit.MICROMETRE);
        assertThat(m.grid().width()).isEqualTo(2.0);
        // Stored top row first: {1, 2} is the top (row 1), values converted from nA to A.
        assertThat(m.field().get(0, 1)).isEqualTo(1e-9);
        assertThat(m.field().get(1, 0)).isEqualTo(4e-9);
    }

    @Test
    void dataLengthThatDisagreesWithTheResolutionIsRejected() throws Exception {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("/0/data", dataField(3, 2, new double[] {1, 2, 3, 4}, "m", "A"));
        Path f = gwy(c);
        assertThatThrownBy(() -> format().read(f)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("3 × 2 = 6 but 'data' holds 4 values");
    }
}
