package org.hafnia.experiments.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.hafnia.experiments.cli.Hafnia;
import org.hafnia.experiments.cli.KilledHafnia;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code hafnia run} killed with SIGKILL (destroyForcibly) in a separate JVM, twice, and resumed
 * with {@code --resume}, ends with exactly the files of an uninterrupted run: a plan-view device
 * case (checkpoints between segments: φ and the device's thermal state), the same with its thermal noise
 * (the draws continue from the saved step counter), and a 3D one.
 */
class KillResumeTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"resume-case.json, segment-000000045.h5", "resume-case-noise.json, segment-000000045.h5",
        "resume-case-3d.json, step-000006000.h5"})
    void aRunKilledTwiceAndResumedEqualsTheUninterruptedRunByteForByte(String resource, String periodicSnapshot)
            throws Exception {
        Path caseFile = Path.of(getClass().getResource(resource).toURI());
        Path whole = dir.resolve("whole");
        Path killed = dir.resolve("killed");
        assertThat(quiet().execute("run", caseFile.toString(), "--out", whole.toString(), "--threads", "1")).isZero();

        Path checkpoint = killed.resolve(CaseRun.CHECKPOINT);
        // First kill: as soon as a checkpoint exists. Second kill: after the resumed run has
        // written a newer checkpoint (it continued), at a moment unrelated to the writes.
        long firstStep = killDuringRun(List.of(caseFile.toString(), "--out", killed.toString(), "--threads", "2"),
                checkpoint, -1);
        long secondStep = killDuringRun(List.of(caseFile.toString(), "--out", killed.toString(), "--threads", "1",
                "--resume"), checkpoint, firstStep);
        assertThat(secondStep).isGreaterThan(firstStep);
        assertThat(quiet().execute("run", caseFile.toString(), "--out", killed.toString(), "--resume")).isZero();

        assertThat(checkpoint).doesNotExist();
        List<Path> expected = files(whole);
        assertThat(files(killed)).isEqualTo(expected);
        assertThat(expected).contains(Path.of("run.json"), Path.of("conductance.tsv"), Path.of("energy.tsv"),
                Path.of("phi.xmf"), Path.of("snapshots", "final.h5"), Path.of("snapshots", periodicSnapshot));
        for (Path f : expected) {
            assertThat(Files.readAllBytes(killed.resolve(f))).as(f.toString()).isEqualTo(Files.readAllBytes(whole.resolve(f)));
        }
    }

    /**
     * Starts {@code hafnia run ARGS} in a new JVM, waits until the checkpoint holds a step beyond
     * {@code afterStep}, kills the process 40 ms later and returns the checkpoint's step.
     */
    private static long killDuringRun(List<String> args, Path checkpoint, long afterStep)
            throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("run"));
        command.addAll(args);
        KilledHafnia.killWhen(command, () -> checkpointStep(checkpoint) > afterStep, 40);
        return checkpointStep(checkpoint);
    }

    /** The step of the checkpoint, or −1 when there is none (or it is being replaced). */
    private static long checkpointStep(Path checkpoint) {
        try (var in = Files.newInputStream(checkpoint)) {
            return org.hafnia.solver.checkpoint.Checkpoint.read(in, checkpoint.toString()).position().step();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static picocli.CommandLine quiet() {
        picocli.CommandLine cl = Hafnia.commandLine();
        cl.setOut(new java.io.PrintWriter(new java.io.StringWriter()));
        return cl;
    }

    private static List<Path> files(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
