package org.hafnia.experiments.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.jhdf.HdfFile;

import org.hafnia.experiments.cli.Hafnia;
import org.hafnia.postprocess.io.Json;
import org.hafnia.reference.ReferenceData;
import org.hafnia.solver.device.FilmDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code hafnia run} of a plan-view case is the one device model driven through the case's segments. */
class DeviceRunTest {

    @TempDir
    Path dir;

    @Test
    void theRunOfACaseEqualsTheDeviceDrivenDirectlyWithTheSameSegmentsBitForBit() throws IOException {
        Path caseFile = Path.of("cases", "joule-2d.json");
        Path out = dir.resolve("joule");
        assertThat(ExampleCasesTest.run(caseFile.toString(), "--out", out.toString())).isZero();

        DeviceRunCase c = (DeviceRunCase) new CaseReader(() -> ReferenceData.locate(null)).read(caseFile);
        FilmDevice d = new FilmDevice(c.model(), c.initial().values(), c.seed(), null);
        // The protocol of joule-2d written out by hand: a 1 µs read at −0.15 V, then pulses of
        // 10 ns at −0.3 … −0.6 V, each followed by the same read.
        double[] expected = new double[5];
        double[] pulseTemperature = new double[4];
        double[] readTemperature = new double[4];
        d.apply(-0.15, 1e-6);
        expected[0] = d.conductance();
        double[] amplitudes = {-0.3, -0.4, -0.5, -0.6};
        for (int k = 0; k < amplitudes.length; k++) {
            d.apply(amplitudes[k], 10e-9);
            pulseTemperature[k] = d.heat().maxTemperature();
            d.apply(-0.15, 1e-6);
            readTemperature[k] = d.heat().maxTemperature();
            expected[k + 1] = d.conductance();
        }
        List<String> rows = Files.readAllLines(out.resolve("conductance.tsv"));
        int column = List.of(rows.get(0).split("\t")).indexOf("conductance_S");
        assertThat(rows).hasSize(1 + expected.length);
        for (int k = 0; k < expected.length; k++) {
            // Double.toString round-trips: the value read back is the double written.
            assertThat(Double.parseDouble(rows.get(k + 1).split("\t")[column])).as("read %d", k).isEqualTo(expected[k]);
        }
        double[] phi = d.phi();
        int nx = c.model().grid().nx();
        try (HdfFile h5 = new HdfFile(out.resolve(CaseRun.SNAPSHOTS).resolve("final.h5"))) {
            double[][] data = (double[][]) h5.getDatasetByPath("/phi").getData();
            for (int j = 0; j < data.length; j++) {
                for (int i = 0; i < nx; i++) {
                    assertThat(data[j][i]).isEqualTo(phi[j * nx + i]);
                }
            }
        }
        var summary = Json.mapper().readTree(out.resolve(CaseRun.SUMMARY).toFile());
        assertThat(summary.get("noise").asText()).isEqualTo("none");
        assertThat(summary.get("device_steps").asLong()).isEqualTo(d.steps());
        // segments.tsv: the film's hottest node at the end of every pulse top (segments 2, 4, 6, 8)
        // and of the read after it, bit for bit.
        List<String> segments = Files.readAllLines(out.resolve("segments.tsv"));
        int hot = List.of(segments.get(0).split("\t")).indexOf("max_temperature_K");
        for (int k = 0; k < amplitudes.length; k++) {
            assertThat(Double.parseDouble(segments.get(2 + 2 * k).split("\t")[hot])).isEqualTo(pulseTemperature[k]);
            assertThat(Double.parseDouble(segments.get(3 + 2 * k).split("\t")[hot])).isEqualTo(readTemperature[k]);
            // The film is hotter during a stronger pulse and cools to the read's temperature after it.
            assertThat(readTemperature[k]).isLessThan(pulseTemperature[k]);
            if (k > 0) {
                assertThat(pulseTemperature[k]).isGreaterThan(pulseTemperature[k - 1]);
            }
        }
        // The RESET pulses lower G, and more the stronger they are (the threshold emerges from
        // Joule heating × Arrhenius × sinh): the last pulse moves G more than the first.
        assertThat(expected[4]).isLessThan(expected[0]);
        assertThat(expected[3] - expected[4]).isGreaterThan(expected[0] - expected[1]);
    }

    @Test
    void aReducedUnitKeyInAPlanViewCaseIsOneLineAndExitStatusTwoWithNothingWritten() throws IOException {
        Path caseFile = dir.resolve("reduced.json");
        Files.writeString(caseFile, Files.readString(Path.of("cases", "joule-2d.json"))
                .replace("\"kappa\": \"31 eV/nm\",", "\"kappa\": \"31 eV/nm\", \"arrhenius\": { \"activation_energy\": \"1 eV\", \"update_every\": 2 },"));
        Path out = dir.resolve("out");
        StringWriter err = new StringWriter();
        CommandLine cl = Hafnia.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("run", caseFile.toString(), "--out", out.toString())).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(err.toString().strip()).contains("reduced.json:", "/physics/arrhenius:", "always Arrhenius")
                .doesNotContain("\n").doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }
}
