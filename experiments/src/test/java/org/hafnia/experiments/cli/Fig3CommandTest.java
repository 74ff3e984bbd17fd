package org.hafnia.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.hafnia.physics.PhysicalConstants;
import org.hafnia.postprocess.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class Fig3CommandTest {

    @TempDir
    Path tmp;

    private int run(String... args) {
        CommandLine cl = Hafnia.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(new StringWriter()));
        return cl.execute(args);
    }

    private static List<double[]> rows(Path tsv, int columns, String header) throws IOException {
        List<String> lines = Files.readAllLines(tsv);
        assertThat(lines).hasSize(102);
        assertThat(lines.get(0)).isEqualTo(header);
        List<double[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            assertThat(f).hasSize(columns);
            double[] v = new double[columns];
            for (int k = 0; k < columns; k++) {
                v[k] = Double.parseDouble(f[k]);
            }
            rows.add(v);
        }
        return rows;
    }

    @Test
    void writesBothTablesTheReportAndTheFigure() throws IOException {
        Path out = tmp.resolve("fig3");
        assertThat(run("fig3", "--out", out.toString())).isZero();
        assertThat(out).isDirectoryContaining("glob:**/fig3.png");
        byte[] png = Files.readAllBytes(out.resolve("fig3.png"));
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');

        List<double[]> b = rows(out.resolve("fig3b.tsv"), 4,
                "z_nm\tdensity_n_5e18_cm3\tdensity_n_1e19_cm3\tdensity_n_1e30_cm3");
        List<double[]> d = rows(out.resolve("fig3d.tsv"), 5,
                "z_nm\tdensity_no_trap\tdensity_trap_B\tdensity_trap_A\tdensity_both_traps");
        for (int l = 0; l <= 100; l++) {
            assertThat(b.get(l)[0]).isCloseTo(-3 + 0.06 * l, within(1e-9));
            assertThat(d.get(l)[0]).isCloseTo(-3 + 0.06 * l, within(1e-9));
        }

        JsonNode report = Json.mapper().readTree(out.resolve("fig3.json").toFile());
        assertThat(report.get("trap_B_potential").asText()).isEqualTo("published_fig3d_variant");
        JsonNode cases = report.get("fig3b").get("cases");
        assertThat(cases.size()).isEqualTo(3);
        assertThat(report.get("fig3d").get("cases").size()).isEqualTo(4);
        JsonNode weak = cases.get("n_5e18_cm3");
        double t = weak.get("transmission").asDouble();
        assertThat(t).isBetween(0.0, 1.0);
        assertThat(weak.get("conductance_S").asDouble())
                .isCloseTo(PhysicalConstants.CONDUCTANCE_QUANTUM_S * t, within(1e-18));
        assertThat(weak.get("conductance_G0").asDouble()).isEqualTo(t);
        // The density on the right lead is |t|² when only (1,1) propagates (ψ(z_N) = t, evanescent t_i ≈ 0).
        assertThat(b.get(100)[1]).isCloseTo(t, within(1e-6));
    }

    @Test
    void consistentVariantChangesOnlyTheColumnsWithTrapB() throws IOException {
        Path published = tmp.resolve("published");
        Path consistent = tmp.resolve("consistent");
        assertThat(run("fig3", "--out", published.toString())).isZero();
        assertThat(run("fig3", "--consistent", "--out", consistent.toString())).isZero();
        String header = "z_nm\tdensity_no_trap\tdensity_trap_B\tdensity_trap_A\tdensity_both_traps";
        List<double[]> p = rows(published.resolve("fig3d.tsv"), 5, header);
        List<double[]> c = rows(consistent.resolve("fig3d.tsv"), 5, header);
        double trapB = 0;
        double both = 0;
        for (int l = 0; l <= 100; l++) {
            assertThat(c.get(l)[1]).isEqualTo(p.get(l)[1]);
            assertThat(c.get(l)[3]).isEqualTo(p.get(l)[3]);
            trapB = Math.max(trapB, Math.abs(c.get(l)[2] - p.get(l)[2]));
            both = Math.max(both, Math.abs(c.get(l)[4] - p.get(l)[4]));
        }
        assertThat(trapB).isGreaterThan(1e-3);
        assertThat(both).isGreaterThan(1e-3);
        assertThat(Files.readAllLines(published.resolve("fig3b.tsv")))
                .isEqualTo(Files.readAllLines(consistent.resolve("fig3b.tsv")));
    }

    @Test
    void unknownLeadModelIsBadInputAndWritesNothing() {
        Path out = tmp.resolve("bad");
        assertThat(run("fig3", "--leads", "magic", "--out", out.toString())).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(out).doesNotExist();
    }
}
