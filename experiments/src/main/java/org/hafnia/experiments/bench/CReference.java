package org.hafnia.experiments.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The vectorising C reference of the 2D step, {@code ../shared/bench/allen_cahn_simd.c} (21-node
 * table f' by nearest node, 5-point Laplacian, zero-flux edges, clip; OpenMP over rows), built at
 * bench time with the line of its header, {@code gcc -O3 -march=native -ffast-math -fopenmp},
 * into a temporary folder that is removed afterwards, and run on N × N for the same steps and
 * threads as the Java run, so the two figures come from one run on one machine. No binary is
 * kept.
 */
public final class CReference {

    /** The source beside the project, relative to the project root. */
    public static final String SOURCE = "../shared/bench/allen_cahn_simd.c";
    /** Seconds allowed for the build and for the run. */
    private static final long TIMEOUT_S = 600;
    private static final Pattern FIGURE = Pattern.compile("([0-9.]+) Mcell/s");

    /**
     * A run of the C reference, or the reason there is none.
     *
     * @param mcellsPerSecond its figure, NaN when unavailable
     * @param detail          its output line, or why it did not run
     */
    public record Outcome(double mcellsPerSecond, String detail) {

        public boolean available() {
            return !Double.isNaN(mcellsPerSecond);
        }
    }

    private CReference() {
    }

    /** The source file: under the project root ({@code hafnia.root}, else the working folder). */
    public static Path source() {
        String root = System.getProperty("hafnia.root");
        return Path.of(root == null ? "." : root).resolve(SOURCE).normalize();
    }

    /** Builds and runs the reference on {@code size}² for {@code steps} steps on {@code threads} OpenMP threads. */
    public static Outcome run(Path source, int size, int steps, int threads) {
        if (!Files.isRegularFile(source)) {
            return new Outcome(Double.NaN, "no C reference at " + source);
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("hafnia-c-reference");
            Path exe = dir.resolve("allen_cahn_simd");
            Result build = exec(new ProcessBuilder("gcc", "-O3", "-march=native", "-ffast-math", "-fopenmp",
                    source.toString(), "-o", exe.toString(), "-lm"));
            if (build.status != 0) {
                return new Outcome(Double.NaN, "gcc failed: " + build.output.strip().lines().findFirst().orElse(""));
            }
            ProcessBuilder pb = new ProcessBuilder(exe.toString(), Integer.toString(size), Integer.toString(steps));
            pb.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
            Result r = exec(pb);
            String line = r.output.strip();
            Matcher m = FIGURE.matcher(line);
            if (r.status != 0 || !m.find()) {
                return new Outcome(Double.NaN, "C reference gave no figure: " + line);
            }
            return new Outcome(Double.parseDouble(m.group(1)), line);
        } catch (IOException e) {
            return new Outcome(Double.NaN, "no C reference: " + e.getMessage());
        } finally {
            delete(dir);
        }
    }

    /** Java over C, rounded to two digits (the figures themselves move far more between runs). */
    public static double ratio(double java, double c) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.2f", java / c));
    }

    private record Result(int status, String output) {
    }

    private static Result exec(ProcessBuilder pb) throws IOException {
        Process p = pb.redirectErrorStream(true).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // A temporary folder left behind is harmless; the figure is not affected.
        }
    }
}
