package org.hafnia.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.hafnia.postprocess.io.OutputFolder;

/**
 * The contract of issue 13 that every command line must keep, as assertions shared by the
 * command-line fuzzers: an exit status of 0 or 2 (never 1: an internal error), on failure exactly
 * one error line (notes aside) and no stack trace, no staging state left in an output folder, no
 * input changed, and an end within a time limit.
 */
final class FuzzContract {

    private FuzzContract() {
    }

    /**
     * Runs {@code args} in-process on a daemon thread and fails when it has not ended after
     * {@code limit}: a run that does not end is a failure of the contract, not a slow test.
     * The thread of a run that overran cannot be stopped and is left to the JVM's exit.
     */
    static CommandRun within(Duration limit, String where, List<String> args) throws InterruptedException {
        FutureTask<CommandRun> task = new FutureTask<>(() -> CommandRun.of(args.toArray(String[]::new)));
        Thread t = new Thread(task, "fuzz-run");
        t.setDaemon(true);
        t.start();
        try {
            return task.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return fail(where + ": did not end within " + limit.toSeconds() + " s");
        } catch (ExecutionException e) {
            return fail(where + ": the command line itself threw", e.getCause());
        }
    }

    /** Status 0 or 2; on 2 one line starting "hafnia" (notes aside); never a stack trace. Returns the error line or null. */
    static String endsCleanly(String where, CommandRun run) {
        assertThat(run.err()).as(where + "\n" + run.err()).doesNotContain("\tat ", "Exception in");
        assertThat(run.status()).as(where + ": an internal error\n" + run.err()).isIn(0, Hafnia.EXIT_BAD_INPUT);
        if (run.status() == 0) {
            return null;
        }
        List<String> lines = run.err().lines().filter(l -> !l.startsWith("note: ")).toList();
        assertThat(lines).as(where + "\n" + run.err()).hasSize(1);
        assertThat(lines.get(0)).as(where).startsWith("hafnia");
        return lines.get(0);
    }

    /** Fails when any folder under {@code dir} holds a staging or commit folder, or a temporary file. */
    static void noStagingLeft(String where, Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).as(where + ": staging state left in " + dir)
                    .noneMatch(n -> n.startsWith(".staging-") || n.startsWith(".commit-") || n.endsWith(".tmp"));
        }
    }

    /** SHA-256 of every regular file under {@code d} that {@code keep} accepts (by path relative to d), by path. */
    static Map<Path, String> digests(Path d, Predicate<Path> keep) throws IOException {
        Map<Path, String> m = new TreeMap<>();
        if (!Files.isDirectory(d)) {
            return m;
        }
        try (Stream<Path> s = Files.walk(d)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                if (keep.test(d.relativize(p))) {
                    m.put(d.relativize(p), HexFormat.of().formatHex(sha256().digest(Files.readAllBytes(p))));
                }
            }
        }
        return m;
    }

    /** {@link #digests(Path, Predicate)} of every file but the folder lock (which a run may create). */
    static Map<Path, String> digests(Path d) throws IOException {
        return digests(d, p -> !p.getFileName().toString().equals(OutputFolder.LOCK));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The limit of one fuzz run: {@code hafnia.fuzz.run-seconds}, default {@code seconds}. */
    static Duration runLimit(double seconds) {
        return Duration.ofMillis((long) (1000 * Double.parseDouble(System.getProperty("hafnia.fuzz.run-seconds",
                Double.toString(seconds)))));
    }
}
