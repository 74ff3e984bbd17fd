package org.hafnia.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class PfhubCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesFreeEnergyTableAndPlot() throws IOException {
        Path out = dir.resolve("pf");
        CommandLine cl = Hafnia.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        int code = cl.execute("pfhub", "1a", "--until", "1", "--nodes", "64", "--out", out.toString());
        assertThat(code).isZero();
        List<String> lines = Files.readAllLines(out.resolve("free_energy.tsv"));
        assertThat(lines.get(0)).isEqualTo("time\tfree_energy");
        assertThat(lines.get(1)).startsWith("0\t");
        assertThat(lines.get(lines.size() - 1)).startsWith("1\t");
        assertThat(out.resolve("pfhub-1a.png")).isNotEmptyFile();
        assertThat(out.resolve("pfhub-1a.json")).isNotEmptyFile();
    }

    @Test
    void zeroFluxVariationWritesItsOwnFiles() throws IOException {
        Path out = dir.resolve("pfb");
        CommandLine cl = Hafnia.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        assertThat(cl.execute("pfhub", "1b", "--until", "1", "--nodes", "32", "--out", out.toString())).isZero();
        assertThat(Files.readAllLines(out.resolve("free_energy.tsv")).get(0)).isEqualTo("time\tfree_energy");
        assertThat(out.resolve("pfhub-1b.png")).isNotEmptyFile();
        assertThat(out.resolve("pfhub-1b.json")).isNotEmptyFile();
    }

    @Test
    void unknownBenchmarkIsBadInputAndWritesNothing() {
        Path out = dir.resolve("none");
        CommandLine cl = Hafnia.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("pfhub", "1c", "--out", out.toString());
        assertThat(code).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("1c").contains("supported are 1a and 1b");
        assertThat(out).doesNotExist();
    }
}
