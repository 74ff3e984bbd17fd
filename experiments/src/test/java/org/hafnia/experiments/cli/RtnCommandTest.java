package org.hafnia.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.math3.random.Well19937c;
import org.hafnia.postprocess.io.AtomicFiles;
import org.hafnia.postprocess.io.Json;
import org.hafnia.postprocess.rtn.RtnTraceReader;
import org.hafnia.postprocess.rtn.RtnTraceWriter;
import org.hafnia.postprocess.rtn.SyntheticTelegraph;
import org.hafnia.reference.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;


class RtnCommandTest {

    private static final List<String> WINDOW_KEYS = List.of("voltage_V", "n_tau0", "n_tau1", "tau0_s", "tau0_err_s",
            "tau1_s", "tau1_err_s", "tau_d0_s", "tau_d1_s", "delta_I_A");

    @TempDir
    Path tmp;

    private Path inputWithBadFiles() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        SyntheticTelegraph signal = new SyntheticTelegraph(2e-4, 6e-3, 0.6e-3, 3e-3, 0.6e-3);
        Well19937c rng = new Well19937c(5);
        for (int k = 0; k < 3; k++) {
            AtomicFiles.write(in.resolve("trace_" + k + ".csv"), RtnTraceWriter.csv(signal.staircase("synthetic",
                    new double[] {-0.15, -0.20, -0.25}, 300, 100, 1500, 1e-4, 1.02e-4, 9e-5, 0.1, rng)));
        }
        Files.writeString(in.resolve("bad_header.csv"), "t,V,I\n0.0001,-0.15,1e-7\n");
        StringBuilder rest = new StringBuilder(RtnTraceReader.HEADER + "\n");
        for (int k = 0; k < 2000; k++) {
            rest.append(k * 2e-4).append(",0.0,1e-9\n");
        }
        Files.writeString(in.resolve("no_windows.csv"), rest);
        Files.writeString(in.resolve("non_numeric.csv"), RtnTraceReader.HEADER + "\n0.0001,-0.15,1e-7\n0.0003,x,1e-7\n");
        Files.writeString(in.resolve("notes.txt"), "not a trace: ignored, only *.csv are read");
        return in;
    }

    @Test
    void badFilesMakeTheCommandFailNamingEachAndLeaveNoOutput() throws IOException {
        Path in = inputWithBadFiles();
        Path out = tmp.resolve("out");
        CommandRun r = CommandRun.of("rtn", in.toString(), "--out", out.toString());
        assertThat(r.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(r.err()).contains(in.resolve("bad_header.csv") + ": line 1: header 't,V,I'")
                .contains(in.resolve("no_windows.csv") + ": no recognisable voltage windows")
                .contains(in.resolve("non_numeric.csv") + ": line 3, column 2: 'x' is not a number")
                .contains("rtn: error: 3 bad trace file(s)").contains("--skip-bad");
        assertThat(out.resolve("rtn.json")).doesNotExist();
    }

    @Test
    void skipBadReportsTheBadFilesByNameAndAnalysesTheRest() throws IOException {
        Path in = inputWithBadFiles();
        Path out = tmp.resolve("out");
        CommandRun r = CommandRun.of("rtn", in.toString(), "--out", out.toString(), "--skip-bad");
        assertThat(r.status()).as(r.err()).isZero();
        for (String bad : List.of("bad_header.csv", "no_windows.csv", "non_numeric.csv")) {
            assertThat(r.err()).contains("rtn: skipped " + in.resolve(bad));
        }
        assertThat(r.out()).contains("rtn: 3 trace(s) (3 skipped)");
        JsonNode json = Json.mapper().readTree(out.resolve("rtn.json").toFile());
        assertThat(json.get("traces").asInt()).isEqualTo(3);
        assertThat(json.get("skipped")).hasSize(3);
        assertThat(json.get("windows")).hasSize(3);
        for (JsonNode w : json.get("windows")) {
            assertThat(w.fieldNames()).toIterable().containsAll(WINDOW_KEYS);
        }
        assertThat(json.get("voltage_dependence").has("tau0")).isTrue();
        assertThat(out.resolve("rtn_hist.tsv")).exists();
        assertThat(out.resolve("rtn.png")).exists();
    }

    @Test
    void publishedTracesGiveThePublishedWindowsAndTheContractedOutputs() throws IOException {
        Path folder = ReferenceData.locate(null).rtnTraces().get(0).getParent();
        Path out = tmp.resolve("out");
        CommandRun r = CommandRun.of("rtn", folder.toString(), "--out", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode json = Json.mapper().readTree(out.resolve("rtn.json").toFile());
        assertThat(json.get("traces").asInt()).isEqualTo(41);
        JsonNode windows = json.get("windows");
        assertThat(windows).hasSize(3);
        double[] volts = {-0.15, -0.20, -0.25};
        for (int k = 0; k < 3; k++) {
            JsonNode w = windows.get(k);
            assertThat(w.fieldNames()).toIterable().containsAll(WINDOW_KEYS);
            // Set points −0.15/−0.20/−0.25 V; the measured plateaus sit within 2 mV of them.
            assertThat(w.get("voltage_V").asDouble()).isCloseTo(volts[k], within(2e-3));
            assertThat(w.get("n_tau0").asInt()).isGreaterThan(1000);
            assertThat(w.get("tau1_err_s").asDouble()).isPositive();
        }
        // Found from the voltage column, the windows match physics.md §4 to within the ramp corners.
        assertThat(json.get("window_check").get("max_offset_from_published_samples").asInt()).isLessThanOrEqualTo(5);
        List<String> hist = Files.readAllLines(out.resolve("rtn_hist.tsv"));
        assertThat(hist).hasSize(51);
        assertThat(hist.get(0).split("\t")).hasSize(7).startsWith("time_ms");
        assertThat(hist.get(50).split("\t")[0]).isEqualTo("39.2");
        assertThat(out.resolve("rtn.png")).isNotEmptyFile();
    }
}
