package org.hafnia.postprocess.maps.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.meshes.ScalarField2D;
import org.hafnia.postprocess.maps.ScanMap;
import org.hafnia.postprocess.maps.api.MapFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The round-trip contract every map format must meet: values, size, units, title, metadata. */
abstract class MapFormatContract {

    /**
     * Relative error of a width or height after write and read: the size passes through
     * width / nx · nx and a unit conversion, a few ulps (2.2e-16 each).
     */
    static final double SIZE_TOLERANCE = 1e-14;

    @TempDir
    Path dir;

    abstract MapFormat format();

    /** Relative error of the values after a round trip (0 for formats that store float64 exactly). */
    double valueTolerance() {
        return 0;
    }

    /** A 7 × 5 current map of 500 × 350 nm with distinct, non-symmetric values (row 0 = y = 0). */
    static ScanMap sample(LengthUnit unit, double width, double height) {
        int nx = 7;
        int ny = 5;
        double[] v = new double[nx * ny];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                v[j * nx + i] = 1e-9 * (0.1 + i + 10 * j + 0.3 * Math.sin(i * j + 1.0));
            }
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("instrument", "test bench");
        meta.put("bias", "0.1 V");
        return new ScanMap(new ScalarField2D(Grid2D.ofExtent(nx, ny, width, height, unit), v), "A", "Current", meta, true);
    }

    Path file(String stem) {
        return dir.resolve(stem + "." + format().extensions().get(0));
    }

    ScanMap roundTrip(ScanMap map) {
        Path f = file("map");
        format().write(map, f);
        return format().read(f);
    }

    void assertSameValues(ScanMap actual, ScanMap expected) {
        assertThat(actual.grid().nx()).isEqualTo(expected.grid().nx());
        assertThat(actual.grid().ny()).isEqualTo(expected.grid().ny());
        double[] a = actual.values();
        double[] e = expected.values();
        for (int k = 0; k < e.length; k++) {
            assertThat(a[k]).as("value %d", k).isCloseTo(e[k], within(valueTolerance() * Math.abs(e[k])));
        }
    }

    @Test
    void roundTripKeepsValuesSizeUnitsTitleAndMetadata() {
        ScanMap map = sample(LengthUnit.NANOMETRE, 500, 350);
        ScanMap back = roundTrip(map);
        assertSameValues(back, map);
        assertThat(back.sizeKnown()).isTrue();
        assertThat(back.grid().unit()).isEqualTo(LengthUnit.NANOMETRE);
        assertThat(back.grid().width()).isCloseTo(500, within(500 * SIZE_TOLERANCE));
        assertThat(back.grid().height()).isCloseTo(350, within(350 * SIZE_TOLERANCE));
        assertThat(back.zUnit()).isEqualTo("A");
        assertThat(back.title()).isEqualTo("Current");
        assertThat(back.metadata()).containsEntry("instrument", "test bench").containsEntry("bias", "0.1 V");
    }

    @Test
    void roundTripKeepsMicrometreSizes() {
        ScanMap back = roundTrip(sample(LengthUnit.MICROMETRE, 2.5, 4));
        assertThat(back.grid().unit()).isEqualTo(LengthUnit.MICROMETRE);
        assertThat(back.grid().width()).isCloseTo(2.5, within(2.5 * SIZE_TOLERANCE));
        assertThat(back.grid().height()).isCloseTo(4, within(4 * SIZE_TOLERANCE));
    }

    @Test
    void prefixedValueUnitsComeBackAsTheSamePhysicalValues() {
        ScanMap pico = sample(LengthUnit.NANOMETRE, 500, 350).convertedTo("pA");
        ScanMap back = roundTrip(pico);
        // A format may store base SI units (Gwyddion's do); the physical values must agree.
        assertSameValues(back.convertedTo("pA"), pico);
    }

    @Test
    void mapWithoutSizeStaysWithoutSize() {
        ScanMap phi = ScanMap.withoutSize(3, 2, new double[] {0, 0.25, 0.5, 0.75, 1, 0.125}, "", "");
        ScanMap back = roundTrip(phi);
        assertSameValues(back, phi);
        assertThat(back.sizeKnown()).isFalse();
        assertThat(back.zUnit()).isEmpty();
    }

    @Test
    void reducedUnitSizeRoundTrips() {
        ScanMap back = roundTrip(sample(LengthUnit.REDUCED, 7, 10));
        assertThat(back.sizeKnown()).isTrue();
        assertThat(back.grid().unit()).isEqualTo(LengthUnit.REDUCED);
        assertThat(back.grid().height()).isCloseTo(10, within(10 * SIZE_TOLERANCE));
    }

    @Test
    void missingFileIsReportedAsBadInput() {
        Path missing = file("missing");
        assertThatThrownBy(() -> format().read(missing)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void writingReplacesAnExistingFileAndLeavesNoTemporaryFiles() throws Exception {
        Path f = file("map");
        format().write(sample(LengthUnit.NANOMETRE, 500, 350), f);
        format().write(sample(LengthUnit.NANOMETRE, 100, 70), f);
        assertThat(format().read(f).grid().width()).isCloseTo(100, within(100 * SIZE_TOLERANCE));
        try (var files = java.nio.file.Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(f.getFileName().toString());
        }
    }
}
