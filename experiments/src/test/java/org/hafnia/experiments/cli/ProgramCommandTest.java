package org.hafnia.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hafnia.physics.compact.CompactDeviceParameters;
import org.hafnia.postprocess.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code hafnia program} on the shipped ECRAM case (a compact model: no extraction, fast). */
class ProgramCommandTest {

    @TempDir
    Path tmp;

    private Path ecramCase() throws Exception {
        Path c = tmp.resolve("chen2023-ecram.json");
        try (InputStream in = getClass().getResourceAsStream("/cases/chen2023-ecram.json")) {
            Files.copy(in, c);
        }
        return c;
    }

    @Test
    void programJsonReportsAppliedAndCharacterisedAmplitudesAndUnreachableTargets() throws Exception {
        Path out = tmp.resolve("p");
        CommandRun r = CommandRun.of("program", "--scheme", "reset-voltage-control", "--levels", "4", "--rows", "4",
                "--cols", "8", "--case", ecramCase().toString(), "--out", out.toString(), "--threads", "2");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode p = Json.mapper().readTree(out.resolve("program.json").toFile());
        JsonNode applied = p.get("amplitude_range_V");
        JsonNode characterised = p.get("characterised_range_V");
        // The case characterises 3–5 V; the calibrated scheme stays inside.
        assertThat(characterised.get(0).asDouble()).isEqualTo(3.0);
        assertThat(characterised.get(1).asDouble()).isEqualTo(5.0);
        assertThat(applied.get(0).asDouble()).isGreaterThanOrEqualTo(3.0);
        assertThat(applied.get(1).asDouble()).isLessThanOrEqualTo(5.0);
        // One RESET pulse of at most 5 V moves an ECRAM by 1 % of its range: every level below the top is unreachable.
        assertThat(p.get("unreachable").isArray()).isTrue();
        assertThat(p.get("unreachable").size()).isGreaterThanOrEqualTo(3);
        assertThat(p.get("device").asText()).isEqualTo("chen2023-ecram");
        // Chen's published widths (100 and 150 ms); reset-voltage-control pulses at the reference width only.
        assertThat(p.get("characterised_widths_s").get(0).asDouble()).isEqualTo(0.1);
        assertThat(p.get("characterised_widths_s").get(1).asDouble()).isEqualTo(0.15);
        assertThat(p.get("width_range_s").get(0).asDouble()).isEqualTo(0.1);
        assertThat(p.get("width_range_s").get(1).asDouble()).isEqualTo(0.1);
        // The error budget: read noise and programmed state, each at most the RMSE they make up (RMSE² = read² + state²
        // up to the sampling of 16 reads, hence the 5 % margin).
        double rmse = p.get("rmse_percent").asDouble();
        assertThat(p.get("rmse_read_percent").asDouble()).isPositive().isLessThan(1.05 * rmse);
        assertThat(p.get("rmse_state_percent").asDouble()).isLessThan(1.05 * rmse);
        assertThat(p.get("rmse_drift_percent").asDouble()).isZero();
    }

    @Test
    void driftPartOfTheBudgetIsTheMeanModelsLossOverTheDelay() {
        // 20–150 µS, ν = 0.01 from t0 = 1 s: after 10 s a level keeps 10^−0.01 = 0.97724 of its G. Window 33–137 µS
        // (104 µS); two levels at its ends lose 0.75 and 3.12 µS: RMS 2.27 µS = 2.181 % of the window.
        CompactDeviceParameters p = new CompactDeviceParameters(20e-6, 150e-6, 0, 60, 60, 25, 15, 0, 0, 0, 0, 0,
                8e-3, 4e-3, 1, 5, 0, 0.01, 0, 1.0, 1.0, -1.0, 0.5, 1e-6, 0.15, 1e-6);
        double loss = 1 - Math.pow(10, -0.01);
        double expected = 100 * Math.sqrt((Math.pow(33e-6 * loss, 2) + Math.pow(137e-6 * loss, 2)) / 2) / 104e-6;
        assertThat(expected).isCloseTo(2.181, org.assertj.core.data.Offset.offset(0.001));
        assertThat(ProgramCommand.driftPercent(p, 2, new double[] {33e-6, 137e-6}))
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void levelsCloserThanTheLabelDigitsStillWriteTheHistogram() throws Exception {
        // 512 levels over the ECRAM's 32 µS window are 0.06 µS apart (64 devices hold the lowest 64): three digits of µS give equal labels (regression:
        // the figure refused the second series of the same name; now more levels than colours share one histogram).
        Path out = tmp.resolve("many");
        CommandRun r = CommandRun.of("program", "--scheme", "open-loop", "--levels", "512", "--rows", "2", "--cols",
                "32", "--case", ecramCase().toString(), "--out", out.toString(), "--threads", "2");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(out.resolve("levels.png")).isRegularFile();
    }

    @Test
    void compareWritesTheTableAndTheAccuracyAgainstLevels() throws Exception {
        Path out = tmp.resolve("c");
        CommandRun r = CommandRun.of("program", "--compare", "--levels", "4", "--rows", "4", "--cols", "8",
                "--transfer-seeds", "1", "--sweep-levels", "2,4", "--case", ecramCase().toString(), "--out",
                out.toString(), "--threads", "2");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode c = Json.mapper().readTree(out.resolve("compare.json").toFile());
        assertThat(c.get("schemes").size()).isEqualTo(5);
        assertThat(c.get("accuracy_vs_levels").get("series").size()).isEqualTo(5);
        assertThat(c.get("accuracy_vs_levels").get("series").get(0).get("accuracy").size()).isEqualTo(2);
        assertThat(Files.readString(out.resolve("compare.md"))).contains("open-loop").contains("chen2023-ecram")
                .contains("Chen et al., Nat. Commun. 2023").contains("Limited by");
        assertThat(out.resolve("accuracy-vs-levels.png")).isRegularFile();
    }

    @Test
    void aSchemeWithCompareIsRefusedInsteadOfIgnored() throws Exception {
        // Found by StudyCommandFuzzTest: --compare --scheme magic ran every scheme and exited 0.
        Path out = tmp.resolve("both");
        CommandRun r = CommandRun.of("program", "--compare", "--scheme", "magic", "--case", ecramCase().toString(),
                "--out", out.toString());
        assertThat(r.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(r.err()).startsWith("hafnia program: error: --scheme magic: --compare runs every scheme");
        assertThat(out).doesNotExist();
    }

    @Test
    void ecramCaseWithAMissingKeyIsBadInputNamingIt() throws Exception {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, Files.readString(ecramCase()).replace("\"pulses_full\"", "\"pulses\""));
        CommandRun r = CommandRun.of("program", "--scheme", "open-loop", "--levels", "4", "--case", bad.toString(),
                "--out", tmp.resolve("x").toString());
        assertThat(r.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("bad.json").contains("pulses");
        assertThat(tmp.resolve("x")).doesNotExist();
    }
}
