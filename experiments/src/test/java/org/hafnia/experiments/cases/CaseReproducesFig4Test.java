package org.hafnia.experiments.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.jhdf.HdfFile;

import org.hafnia.experiments.cli.Hafnia;
import org.hafnia.experiments.fig4.Fig4Experiment;
import org.hafnia.experiments.fig4.Fig4Parameters;
import org.hafnia.meshes.ScalarField2D;
import org.hafnia.reference.ReferenceData;
import org.hafnia.solver.protocol.ProtocolListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * The published Fig. 4 protocol written as a case file in physical units (1 nm spacing with
 * κ = K·Nx·Ny·h², τ0 = 1 µs so that Δt = 0.5 ns, pulses of 5 ns at a voltage the threshold law
 * maps to b = 30 exactly) gives the panels of {@code hafnia fig4}: the unit conversions, the
 * protocol compiler, the runner and the HDF5 snapshots together reproduce the reduced-unit run
 * bit for bit: κ/dx² = 147.9 / 1² and K/h² = 0.05 / (2958^−½)² are the same double, and every
 * step then performs the same floating-point operations on the same values.
 */
class CaseReproducesFig4Test {

    @TempDir
    Path dir;

    @Test
    void fig4ProtocolAsACaseGivesThePublishedRunsPanels() throws IOException {
        String text = """
                {
                  "seed": 0,
                  "grid": { "spacing": "1 nm" },
                  "initial": { "type": "fig4-reference" },
                  "physics": {
                    "energy": "published",
                    "kappa": "147.9 eV nm^2",
                    "drive": { "law": "threshold", "k_on": "0 eV", "v_on": "1 V",
                               "k_off": "30 eV", "v_off": "-0.25 V", "alpha_off": 1 },
                    "conductance": { "sigma": { "on": "7e4 S/m", "off": "1e-2 S/m" }, "thickness": "5 nm" }
                  },
                  "time": { "step": 0.0005, "tau0": "1 us" },
                  "protocol": { "steps": [
                    { "type": "gap", "duration": "30 ns" }, { "type": "snapshot", "name": "relaxed" },
                    { "type": "pulse", "amplitude": "-0.5 V", "width": "5 ns" }, { "type": "gap", "duration": "5 ns" },
                    { "type": "snapshot", "name": "pulse1" },
                    { "type": "pulse", "amplitude": "-0.5 V", "width": "5 ns" }, { "type": "gap", "duration": "5 ns" },
                    { "type": "snapshot", "name": "pulse2" }
                  ] }
                }
                """;
        Path caseFile = dir.resolve("fig4-case.json");
        Files.writeString(caseFile, text);
        CommandLine cl = Hafnia.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        assertThat(cl.execute("run", caseFile.toString(), "--out", dir.resolve("out").toString())).isZero();

        ReferenceData data = ReferenceData.locate(null);
        Fig4Experiment published = new Fig4Experiment(Fig4Experiment.profileOf(data.fig4EnergyTable()),
                Fig4Parameters.PUBLISHED, 1);
        Map<String, ScalarField2D> panels = published.run(data.fig4InitialState(), new ProtocolListener() { });
        for (String name : new String[] {"initial", "relaxed", "pulse1", "pulse2"}) {
            double[][] rows;
            try (HdfFile h5 = new HdfFile(dir.resolve("out").resolve(CaseRun.SNAPSHOTS).resolve(name + ".h5"))) {
                rows = (double[][]) h5.getDatasetByPath("/phi").getData();
            }
            ScalarField2D expected = panels.get(name);
            assertThat(rows.length).isEqualTo(expected.grid().ny());
            for (int j = 0; j < rows.length; j++) {
                assertThat(rows[j]).as("%s row %d", name, j).isEqualTo(expected.row(j));
            }
        }
    }
}
