package org.hafnia.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ND4J is on the command line's class path but loaded only by commands that select it: runs the
 * command in a fresh JVM with {@code -verbose:class} and looks for ND4J classes in the log.
 */
class LazyNd4jLoadingTest {

    @TempDir
    Path dir;

    private String classLoadingLog(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-verbose:class", "-cp", System.getProperty("java.class.path")));
        String root = System.getProperty("hafnia.root");
        if (root != null) {
            cmd.add("-Dhafnia.root=" + root);
        }
        cmd.add(Hafnia.class.getName());
        cmd.addAll(List.of(args));
        Path log = dir.resolve("log.txt");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("command finished").isTrue();
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text.lines().filter(l -> !l.startsWith("[")).reduce("", (a, b) -> a + b + "\n"))
                .isZero();
        return text;
    }

    @Test
    void fig4NeverLoadsNd4j() throws Exception {
        String log = classLoadingLog("fig4", "--out", dir.resolve("fig4").toString(), "--threads", "1");
        assertThat(log).contains("org.hafnia.solver.kernels.AllenCahnKernel").doesNotContain("org.nd4j");
    }

    /** The control: the same check sees ND4J when the backend is selected. */
    @Test
    void benchWithTheNd4jBackendLoadsIt() throws Exception {
        String log = classLoadingLog("bench", "--case", "allen-cahn-2d", "--size", "8", "--steps", "1",
                "--threads", "1", "--backend", "nd4j");
        assertThat(log).contains("org.nd4j.linalg.factory.Nd4j");
    }
}
