package org.hafnia.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;

import org.hafnia.meshes.io.NumericMatrixReader;
import org.hafnia.reference.ReferenceData;
import org.hafnia.postprocess.io.OutputFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


class Fig4CommandTest {

    @TempDir
    Path tmp;

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            // The lock file of the output-folder discipline stays; it is not an output.
            return s.filter(p -> !p.getFileName().toString().equals(OutputFolder.LOCK)).toList();
        }
    }

    @Test
    void writesEveryOutputOfTheContract() throws IOException {
        Path out = tmp.resolve("fig4");
        CommandRun r = CommandRun.of("fig4", "--out", out.toString(), "--threads", "1");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(files(out)).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder(
                "fig4.h5", "initial.csv", "relaxed.csv", "pulse1.csv", "pulse2.csv", "fig4.png", "fig4-report.json");
        for (String panel : new String[] {"initial", "relaxed", "pulse1", "pulse2"}) {
            var m = new NumericMatrixReader().read(out.resolve(panel + ".csv")).requireShape(58, 51);
            try (HdfFile h5 = new HdfFile(out.resolve("fig4.h5"))) {
                Dataset ds = h5.getDatasetByPath("/phi/" + panel);
                assertThat(ds.getDimensions()).containsExactly(58, 51);
                double[][] v = (double[][]) ds.getData();
                for (int j = 0; j < 58; j++) {
                    for (int i = 0; i < 51; i++) {
                        // CSV holds the shortest round-trip decimal of each double: exact.
                        assertThat(v[j][i]).isEqualTo(m.get(j, i));
                    }
                }
                assertThat(h5.getAttribute("time_step").getData()).isEqualTo(0.0005);
                assertThat(h5.getAttribute("pulse_bias").getData()).isEqualTo(30.0);
            }
        }
        JsonNode report = new ObjectMapper().readTree(out.resolve("fig4-report.json").toFile());
        assertThat(report.get("fraction_in_other_band").asDouble()).isBetween(0.0, 0.03);
        assertThat(report.get("max_band_difference").asInt()).isLessThanOrEqualTo(1);
        assertThat(report.has("rmse_display")).isTrue();
        assertThat(Files.size(out.resolve("fig4.png"))).isGreaterThan(10_000);
        assertThat(r.out()).contains("relaxed vs published panel");
    }

    private void assertRejected(CommandRun r, Path out, String... fragments) throws IOException {
        assertThat(r.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(r.err()).startsWith("hafnia fig4: error: ");
        assertThat(r.err().strip().lines()).hasSize(1);
        for (String f : fragments) {
            assertThat(r.err()).contains(f);
        }
        assertThat(files(out)).as("no partial output").isEmpty();
    }

    @Test
    void raggedInitialMapIsRejectedWithItsLineAndNoOutput() throws IOException {
        Path csv = tmp.resolve("ragged.csv");
        Files.writeString(csv, "0.1,0.2,0.3\n0.4,0.5\n");
        Path out = tmp.resolve("o1");
        assertRejected(CommandRun.of("fig4", "--initial", csv.toString(), "--out", out.toString()), out,
                csv + ": line 2: 2 values, expected 3");
    }

    @Test
    void nonNumericNanAndOutOfRangeValuesAreRejected() throws IOException {
        Path csv = tmp.resolve("bad.csv");
        Path out = tmp.resolve("o2");
        Files.writeString(csv, "0.1,abc\n");
        assertRejected(CommandRun.of("fig4", "--initial", csv.toString(), "--out", out.toString()), out,
                "line 1, column 2: 'abc' is not a number");
        Files.writeString(csv, "0.1,NaN\n");
        assertRejected(CommandRun.of("fig4", "--initial", csv.toString(), "--out", out.toString()), out,
                "line 1, column 2: NaN is not a finite number");
        Files.writeString(csv, "0.1,0.2\n0.3,1.2\n");
        assertRejected(CommandRun.of("fig4", "--initial", csv.toString(), "--out", out.toString()), out,
                "line 2, column 2: φ = 1.2 is outside [0.0, 1.0]");
    }

    @Test
    void missingReferenceFolderIsNamed() throws IOException {
        Path out = tmp.resolve("o3");
        assertRejected(CommandRun.of("fig4", "--reference", tmp.resolve("no-such-folder").toString(), "--out", out.toString()),
                out, "no-such-folder (from --reference) does not exist");
    }

    @Test
    void unstableTimeStepIsRefusedWithTheLimit() throws IOException {
        Path out = tmp.resolve("o4");
        assertRejected(CommandRun.of("fig4", "--dt", "0.01", "--out", out.toString()), out,
                "time step Δt = 0.0100000 breaks the explicit stability limit", "largest stable Δt is 0.00153");
    }

    @Test
    void anInitialMapInGwyddionFormatIsReadAndRangeChecked() throws IOException {
        Path csv = tmp.resolve("map.csv");
        Files.writeString(csv, "0,0.2,0\n0.3,0.9,0.4\n0,0.1,0\n");
        Path gsf = tmp.resolve("map.gsf");
        assertThat(CommandRun.of("convert", csv.toString(), gsf.toString()).status()).isZero();
        Path fromCsv = tmp.resolve("o7");
        Path fromGsf = tmp.resolve("o8");
        assertThat(CommandRun.of("fig4", "--initial", csv.toString(), "--out", fromCsv.toString()).status()).isZero();
        assertThat(CommandRun.of("fig4", "--initial", gsf.toString(), "--out", fromGsf.toString()).status()).isZero();
        // .gsf stores float32: the runs agree to float32 rounding of the initial map (≤ 6e-8 × |φ|),
        // which the 100 stable, contracting steps do not amplify beyond 1e-6.
        var a = new NumericMatrixReader().read(fromCsv.resolve("pulse2.csv"));
        var b = new NumericMatrixReader().read(fromGsf.resolve("pulse2.csv"));
        for (int k = 0; k < a.values().length; k++) {
            assertThat(b.values()[k]).isCloseTo(a.values()[k], org.assertj.core.api.Assertions.within(1e-6));
        }
        Files.writeString(csv, "0,0.2,0\n0.3,1.9,0.4\n0,0.1,0\n");
        Path bad = tmp.resolve("bad.gsf");
        assertThat(CommandRun.of("convert", csv.toString(), bad.toString()).status()).isZero();
        Path out = tmp.resolve("o9");
        assertRejected(CommandRun.of("fig4", "--initial", bad.toString(), "--out", out.toString()), out,
                "bad.gsf: node (x 1, y 1): φ = 1.899999976158142 is outside [0.0, 1.0]");
    }

    @Test
    void anOutputFolderThatCannotBeCreatedIsOneLineNotAStackTrace() {
        // Under /proc no folder can be created, even by root (CI runs as root).
        CommandRun r = CommandRun.of("fig4", "--out", "/proc/hafnia-test/out");
        assertThat(r.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("hafnia fig4: error: cannot create output folder /proc/hafnia-test/out (--out): ");
    }

    @Test
    void aThreadCountBelowOneIsRefused() throws IOException {
        Path out = tmp.resolve("o10");
        assertRejected(CommandRun.of("fig4", "--threads", "0", "--out", out.toString()), out,
                "--threads must be ≥ 1, got 0");
    }

    @Test
    void subSteppingRunsAnOtherwiseUnstableTimeStep() throws IOException {
        Path out = tmp.resolve("o6");
        CommandRun r = CommandRun.of("fig4", "--dt", "0.01", "--substep", "--out", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(out.resolve("fig4.h5")).exists();
    }

    @Test
    void anInitialMapOnAnotherGridRunsWithoutTheComparison() throws IOException {
        Path csv = tmp.resolve("small.csv");
        Files.writeString(csv, "0,0.2,0\n0.3,0.9,0.4\n0,0.1,0\n");
        Path out = tmp.resolve("o5");
        CommandRun r = CommandRun.of("fig4", "--initial", csv.toString(), "--out", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(out.resolve("fig4-report.json").toFile());
        assertThat(report.get("comparison").asText()).startsWith("skipped");
        assertThat(ReferenceData.locate(null).directory()).exists();
    }
}
