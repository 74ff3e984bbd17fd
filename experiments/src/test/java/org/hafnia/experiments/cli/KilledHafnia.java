package org.hafnia.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A {@code hafnia} command in a separate JVM, killed with SIGKILL (destroyForcibly) mid-run: for resume tests. */
public final class KilledHafnia {

    private KilledHafnia() {
    }

    /**
     * Starts {@code hafnia ARGS} in a new JVM, waits (at most 60 s) until {@code ready}, then
     * {@code delayMillis} longer, and kills it; fails when the run ends before it could be killed.
     */
    public static void killWhen(List<String> args, BooleanSupplier ready, long delayMillis)
            throws IOException, InterruptedException {
        killWhen(List.of(), args, ready, delayMillis);
    }

    /**
     * The same, the new JVM started with {@code jvmOptions} (e.g. the module openings Spark needs)
     * and this JVM's class path.
     */
    public static void killWhen(List<String> jvmOptions, List<String> args, BooleanSupplier ready, long delayMillis)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Hafnia.class.getName()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!ready.getAsBoolean()) {
                assertThat(p.isAlive()).as("the run ended before it could be killed").isTrue();
                assertThat(System.nanoTime()).as("not ready within 60 s").isLessThan(deadline);
                Thread.sleep(2);
            }
            Thread.sleep(delayMillis);
            assertThat(p.isAlive()).as("the run ended before it could be killed").isTrue();
        } finally {
            p.destroyForcibly();
            p.waitFor();
        }
    }

    /** Batches an array run has committed into its batch store {@code store} so far (0 before it exists). */
    public static long committedBatches(Path store) {
        if (!Files.isDirectory(store)) {
            return 0;
        }
        try (var files = Files.list(store)) {
            return files.filter(f -> f.getFileName().toString().startsWith("batch-")).count();
        } catch (IOException e) {
            return 0;
        }
    }
}
