package org.hafnia.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Tests that run a real client program on our outputs (CrossSim, h5py, Gwyddion, ParaView).
 * {@link #require} skips such a test where the client is missing on a developer's machine, but
 * fails it in CI ({@code CI=true}, set by {@code .ci/run}), where {@code .ci/run} installs every
 * client, so that a client test can never pass in CI by being skipped.
 */
public final class RealClient {

    private RealClient() {
    }

    /** True when CI=true in the environment (set by {@code .ci/run} and by CI services). */
    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Goes on when {@code available}; otherwise skips the test, or fails it in CI.
     *
     * @param client  the program, e.g. "gwyddion-thumbnailer"
     * @param install how to install it, for the message
     */
    public static void require(boolean available, String client, String install) {
        if (available) {
            return;
        }
        String message = client + " is not available (" + install + ")";
        if (inCi()) {
            fail("CI=true: " + message + "; .ci/run installs it, a real-client test must not skip in CI");
        }
        assumeTrue(false, message);
    }

    /** Requires an executable on PATH. */
    public static void requireExecutable(String name, String install) {
        require(onPath(name), name, install);
    }

    /** Requires python3 that can import each module ({@code PYTHONPATH} from {@code env}). */
    public static void requirePython(Map<String, String> env, String install, String... modules) {
        boolean ok = onPath("python3");
        if (ok) {
            List<String> cmd = new ArrayList<>(List.of("python3", "-c", "import " + String.join(", ", modules)));
            try {
                ok = run(cmd, env, null, 60).exitCode() == 0;
            } catch (IOException e) {
                ok = false;
            }
        }
        require(ok, "python3 with " + String.join(", ", modules), install);
    }

    /** Whether {@code name} is an executable in a directory of PATH. */
    public static boolean onPath(String name) {
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!p.isEmpty() && Files.isExecutable(Path.of(p, name))) {
                return true;
            }
        }
        return false;
    }

    /** The project root (the directory holding {@code .ci/run}), searched upward from the working directory. */
    public static Path projectRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(".ci/run"))) {
                return p;
            }
        }
        throw new IllegalStateException("no .ci/run above " + Path.of("").toAbsolutePath());
    }

    /** {@code ../shared/clients} beside the project root (shared/clients/README.md). */
    public static Path sharedClients() {
        return projectRoot().resolveSibling("shared").resolve("clients");
    }

    /**
     * Runs {@code command} under {@code xvfb-run -a} (a virtual X display; pvbatch aborts without
     * one), searching for a free display from a random number so that tests running at once do
     * not race for the default :99. On this shared machine about one start in four handed the
     * client a display that was not yet accepting ("bad X server connection"); such a run is
     * repeated, up to three times in all.
     */
    public static Run runUnderXvfb(List<String> command, Map<String, String> env, Path dir, int timeoutSeconds)
            throws IOException {
        Run last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            List<String> c = new ArrayList<>(List.of("xvfb-run", "-a", "-n",
                    Integer.toString(100 + java.util.concurrent.ThreadLocalRandom.current().nextInt(30000))));
            c.addAll(command);
            last = run(c, env, dir, timeoutSeconds);
            if (!last.output().contains("bad X server connection")) {
                return last;
            }
        }
        return last;
    }

    /** A finished client run: exit code and the combined stdout and stderr. */
    public record Run(int exitCode, String output) {
    }

    /**
     * Runs {@code command} with extra environment {@code env}, in {@code dir} (null: the current
     * one), output to a file (not a pipe, so that the time limit holds if the client hangs).
     */
    public static Run run(List<String> command, Map<String, String> env, Path dir, int timeoutSeconds)
            throws IOException {
        Path log = Files.createTempFile("client", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(env);
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            Process p = pb.start();
            try {
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError(command.get(0) + " did not finish within " + timeoutSeconds + " s: "
                            + String.join(" ", command));
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
