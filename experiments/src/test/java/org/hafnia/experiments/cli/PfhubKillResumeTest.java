package org.hafnia.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hafnia.solver.checkpoint.AdaptiveRunCheckpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine;

/**
 * {@code hafnia pfhub} killed with SIGKILL (destroyForcibly) in a separate JVM, twice (in the
 * first run of a --check-convergence set, then in a later one), and resumed with --resume, ends
 * with the files of an uninterrupted run: the tables and the plot byte for byte, the JSON apart
 * from its wall-clock seconds. A checkpoint is refused without --resume and for other parameters.
 */
class PfhubKillResumeTest {

    /** Small and quick (≈ 1.5 s of computing in all): 32², 64² and 32² at tol/4, to t = 200. */
    private static final List<String> ARGS = List.of("1a", "--nodes", "32", "--until", "200", "--check-convergence");

    @TempDir
    Path dir;

    @Test
    void aRunKilledTwiceAndResumedEqualsTheUninterruptedRun() throws Exception {
        Path whole = dir.resolve("whole");
        Path killed = dir.resolve("killed");
        assertThat(execute(new StringWriter(), "--out", whole.toString())).isZero();

        Path checkpoint = killed.resolve(PfhubCommand.CHECKPOINT);
        List<String> args = new ArrayList<>(ARGS);
        args.addAll(List.of("--out", killed.toString(), "--checkpoint-every", "0.01"));
        AdaptiveRunCheckpoint first = killDuringRun(args, checkpoint, 0);
        StringWriter err = new StringWriter();
        assertThat(execute(err, "--out", killed.toString())).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("holds an unfinished run (checkpoint.bin)").contains("--resume");

        args.add("--resume");
        AdaptiveRunCheckpoint second = killDuringRun(args, checkpoint, first.run() + 1);
        assertThat(second.run()).isGreaterThan(first.run());
        StringWriter log = new StringWriter();
        CommandLine cl = Hafnia.commandLine();
        cl.setOut(new PrintWriter(log));
        List<String> last = new ArrayList<>(List.of("pfhub"));
        last.addAll(ARGS);
        last.addAll(List.of("--out", killed.toString(), "--resume"));
        assertThat(cl.execute(last.toArray(String[]::new))).isZero();
        assertThat(log.toString()).as("it continued rather than started again").contains("(resumed in run ");

        assertThat(checkpoint).doesNotExist();
        for (String f : List.of("free_energy.tsv", "convergence.tsv")) {
            assertThat(Files.readString(killed.resolve(f))).as(f).isEqualTo(Files.readString(whole.resolve(f)));
        }
        assertThat(withoutSeconds(killed.resolve("pfhub-1a.json"))).isEqualTo(withoutSeconds(whole.resolve("pfhub-1a.json")));
        assertThat(Files.readAllBytes(killed.resolve("pfhub-1a.png"))).as("pfhub-1a.png")
                .isEqualTo(Files.readAllBytes(whole.resolve("pfhub-1a.png")));
    }

    @Test
    void resumingWithOtherParametersIsRefusedNamingTheParameter() throws Exception {
        Path out = dir.resolve("pf");
        Path checkpoint = out.resolve(PfhubCommand.CHECKPOINT);
        List<String> args = new ArrayList<>(ARGS);
        args.addAll(List.of("--out", out.toString(), "--checkpoint-every", "0"));
        killDuringRun(args, checkpoint, 0);
        byte[] saved = Files.readAllBytes(checkpoint);

        StringWriter err = new StringWriter();
        CommandLine cl = Hafnia.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("pfhub", "1a", "--nodes", "64", "--until", "200", "--check-convergence", "--out", out.toString(),
                "--resume")).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("was written with --nodes 32, this run has --nodes 64");
        assertThat(execute(err, "--out", out.toString(), "--resume", "--tolerance", "2e-4")).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("was written with --tolerance 1.0E-4, this run has --tolerance 2.0E-4");
        assertThat(Files.readAllBytes(checkpoint)).as("a refused resume leaves the checkpoint as it was").isEqualTo(saved);
        assertThat(out.resolve("free_energy.tsv")).doesNotExist();
    }

    /** {@code hafnia pfhub ARGS EXTRA} in this JVM. */
    private static int execute(StringWriter err, String... extra) {
        List<String> all = new ArrayList<>(List.of("pfhub"));
        all.addAll(ARGS);
        all.addAll(List.of(extra));
        CommandLine cl = Hafnia.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        return cl.execute(all.toArray(String[]::new));
    }

    /**
     * Starts {@code hafnia pfhub ARGS} in a new JVM, kills it as soon as the checkpoint is in run
     * {@code run} or later and returns the checkpoint it left.
     */
    private static AdaptiveRunCheckpoint killDuringRun(List<String> args, Path checkpoint, int run)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("pfhub"));
        command.addAll(args);
        KilledHafnia.killWhen(command, () -> {
            AdaptiveRunCheckpoint c = read(checkpoint);
            return c != null && c.run() >= run;
        }, 0);
        AdaptiveRunCheckpoint left = read(checkpoint);
        assertThat(left).as("the checkpoint a killed run leaves is whole").isNotNull();
        return left;
    }

    /** The checkpoint, or null when there is none (or it is being replaced). */
    private static AdaptiveRunCheckpoint read(Path checkpoint) {
        try (var in = Files.newInputStream(checkpoint)) {
            return AdaptiveRunCheckpoint.read(in, checkpoint.toString());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static JsonNode withoutSeconds(Path json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        for (JsonNode run : root.get("runs")) {
            assertThat(run.has("seconds")).isTrue();
            ((ObjectNode) run).remove("seconds");
        }
        return root;
    }
}
