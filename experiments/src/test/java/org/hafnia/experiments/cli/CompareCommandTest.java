package org.hafnia.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.meshes.ScalarField2D;
import org.hafnia.postprocess.io.Json;
import org.hafnia.postprocess.maps.MapFormats;
import org.hafnia.postprocess.maps.ScanMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

    @TempDir
    Path dir;

    /** A 16 × 16 map of 160 nm with one square channel of value {@code high} at nodes [i0, i0 + 4). */
    private Path channel(String name, int i0, double high) {
        double[] v = new double[256];
        for (int j = 6; j < 10; j++) {
            for (int i = i0; i < i0 + 4; i++) {
                v[j * 16 + i] = high;
            }
        }
        Path f = dir.resolve(name);
        MapFormats.write(ScanMap.of(new ScalarField2D(Grid2D.ofExtent(16, 16, 160, 160, LengthUnit.NANOMETRE), v),
                "nA", "Current"), f);
        return f;
    }

    @Test
    void writesTheContractKeysAndTheFigure() throws Exception {
        Path a = channel("a.gwy", 4, 2);
        Path b = channel("b.gsf", 6, 2);
        Path out = dir.resolve("out");
        CommandRun r = CommandRun.of("compare", a.toString(), b.toString(), "--out", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(out.resolve("compare.json").toFile());
        for (String key : new String[] {"rmse", "pearson", "ssim", "dice", "iou", "islands_a", "islands_b", "hausdorff"}) {
            assertThat(j.has(key)).as(key).isTrue();
        }
        // Two 4 × 4 squares shifted by 2 nodes: overlap 8 of 16 nodes, Dice 1/2, IoU 1/3;
        // the boundaries are 2 nodes = 20 nm apart at most. Gwyddion files store base units: A.
        assertThat(j.get("dice").asDouble()).isEqualTo(0.5);
        assertThat(j.get("iou").asDouble()).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(j.get("islands_a").asInt()).isEqualTo(1);
        assertThat(j.get("hausdorff").asDouble()).isCloseTo(20, within(1e-9));
        assertThat(j.get("value_unit").asText()).isEqualTo("A");
        // RMSE: 16 nodes differ by 2 nA out of 256 → sqrt(16 · 4 / 256) = 0.5 nA (float32 in .gsf).
        assertThat(j.get("rmse").asDouble()).isCloseTo(0.5e-9, within(0.5e-9 * 0x1p-23));
        assertThat(Files.size(out.resolve("compare.png"))).isPositive();
    }

    @Test
    void mismatchedGridsWithoutSizeAreRefused() throws Exception {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Files.writeString(a, "1,2\n3,4\n");
        Files.writeString(b, "1,2,3\n3,4,5\n");
        Path out = dir.resolve("out");
        CommandRun r = CommandRun.of("compare", a.toString(), b.toString(), "--out", out.toString());
        assertThat(r.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("mismatched grids");
        assertThat(out.resolve("compare.json")).doesNotExist();
    }

    @Test
    void registrationBeforeComparisonIsRecordedAndAlignsTheChannels() throws Exception {
        Path a = channel("a.h5", 4, 2);
        Path b = channel("b.h5", 6, 2);
        Path out = dir.resolve("out");
        CommandRun r = CommandRun.of("compare", a.toString(), b.toString(), "--register", "--level", "lines",
                "--out", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(out.resolve("compare.json").toFile());
        JsonNode steps = j.get("preprocessing");
        assertThat(steps).hasSize(3);
        JsonNode reg = steps.get(2);
        assertThat(reg.get("operation").asText()).isEqualTo("registration");
        // B is A moved by +2 nodes = +20 nm along x; the 0.005-node refinement grid resolves it.
        assertThat(reg.at("/parameters/shift_x").asDouble()).isCloseTo(20, within(0.1));
        assertThat(reg.at("/parameters/shift_y").asDouble()).isCloseTo(0, within(0.1));
        assertThat(j.get("dice").asDouble()).isEqualTo(1.0);
    }
}
