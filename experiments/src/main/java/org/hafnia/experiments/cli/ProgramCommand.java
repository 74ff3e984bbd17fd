package org.hafnia.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.hafnia.experiments.characterisation.DeviceCase;
import org.hafnia.experiments.characterisation.DeviceExtraction;
import org.hafnia.experiments.programming.CrossbarProgramming;
import org.hafnia.experiments.programming.ProgrammingScheme;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.compact.CompactDeviceParameters;
import org.hafnia.postprocess.export.CompactDeviceFile;
import org.hafnia.postprocess.io.AtomicFiles;
import org.hafnia.postprocess.io.Json;
import org.hafnia.postprocess.io.StagedOutput;
import org.hafnia.postprocess.plots.LineFigure;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hafnia program}: multilevel programming of a simulated crossbar with one scheme, or all five compared. */
@Command(name = "program", mixinStandardHelpOptions = true,
        header = "Program multilevel targets into a simulated crossbar with a scheme.",
        description = {"Program N evenly spaced levels into an R × C array of compact devices with a scheme",
            "(write-verify, write-verify-denoise, reset-voltage-control, feedforward, open-loop).",
            "Writes program.json and levels.png; with --compare, all five schemes plus weight transfer of a",
            "digits classifier: compare.json and compare.md."})
public final class ProgramCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scheme", description = "Programming scheme.")
    String scheme;

    @Option(names = "--compare", description = "Run all five schemes and the weight transfer; print and write the table.")
    boolean compare;

    @Option(names = "--device", description = "compact.json from hafnia extract (default: the default case's extraction, cached in out/cache).")
    Path device;

    @Option(names = "--levels", description = "Number of target levels N (default 16 with --compare).")
    Integer levels;

    @Option(names = "--rows", defaultValue = "32", description = "Array rows (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--cols", defaultValue = "32", description = "Array columns (default: ${DEFAULT-VALUE}).")
    int cols;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the device variation (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--transfer-seeds", defaultValue = "3", description = "Device-variation seeds of the weight transfer (default: ${DEFAULT-VALUE}).")
    int transferSeeds;

    @Option(names = "--out", defaultValue = "out/program", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call() {
        PrintWriter log = spec.commandLine().getOut();
        if (!compare && scheme == null) {
            throw new InvalidInputException("give --scheme NAME or --compare");
        }
        if (!compare && levels == null) {
            throw new InvalidInputException("--levels N is required with --scheme");
        }
        int n = levels == null ? 16 : levels;
        if (n < 1 || rows < 1 || cols < 1) {
            throw new InvalidInputException("--levels, --rows and --cols must be positive");
        }
        List<ProgrammingScheme> schemes = compare ? List.of(ProgrammingScheme.values()) : List.of(ProgrammingScheme.of(scheme));
        int nThreads = threads.resolve();
        String source = device == null ? "default case " + DeviceCase.DEFAULT + " (cached extraction)" : device.toString();
        CompactDeviceParameters p = device == null ? defaultDevice(nThreads, log) : CompactDeviceFile.readDevice(device);

        List<Map<String, Object>> rowsOut = new ArrayList<>();
        Map<ProgrammingScheme, CrossbarProgramming.Outcome> outcomes = new LinkedHashMap<>();
        double[] targetLevels = CrossbarProgramming.levels(p, n);
        double[] window = CrossbarProgramming.window(p);
        double spacing = n > 1 ? targetLevels[1] - targetLevels[0] : window[1] - window[0];
        double[] targets = new double[rows * cols];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = targetLevels[i % n];
        }
        for (ProgrammingScheme s : schemes) {
            long t0 = System.nanoTime();
            CrossbarProgramming.Outcome o = CrossbarProgramming.program(s, p, targets, spacing, seed, nThreads);
            CrossbarProgramming.Merit m = CrossbarProgramming.merit(o, targetLevels, window);
            outcomes.put(s, o);
            Map<String, Object> r = report(s, n, window, spacing, m, source);
            r.put("seconds", (System.nanoTime() - t0) * 1e-9);
            rowsOut.add(r);
        }
        Map<String, double[]> accuracy = compare ? WeightTransferRun.run(p, n, transferSeeds, seed, nThreads, log) : Map.of();

        try (StagedOutput staged = StagedOutput.in(out)) {
            if (compare) {
                for (int i = 0; i < schemes.size(); i++) {
                    double[] acc = accuracy.get(schemes.get(i).label());
                    if (acc != null) {
                        rowsOut.get(i).put("accuracy_mean", acc[0]);
                        rowsOut.get(i).put("accuracy_std", acc[1]);
                    }
                }
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("levels", n);
                doc.put("rows", rows);
                doc.put("cols", cols);
                doc.put("software_accuracy", accuracy.get("software") == null ? null : accuracy.get("software")[0]);
                doc.put("schemes", rowsOut);
                staged.write("compare.json", Json.content(doc));
                staged.writeString("compare.md", table(rowsOut, accuracy));
            } else {
                staged.write("program.json", Json.content(rowsOut.get(0)));
            }
            writeHistogram(staged.file(compare ? "levels-compare.png" : "levels.png"), outcomes, window, spacing);
            staged.commit();
        }
        log.print(table(rowsOut, accuracy));
        log.printf("wrote %s%n", out.toAbsolutePath().normalize());
        log.flush();
        return 0;
    }

    private Map<String, Object> report(ProgrammingScheme s, int n, double[] window, double spacing,
                                       CrossbarProgramming.Merit m, String source) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("scheme", s.label());
        r.put("levels", n);
        r.put("rows", rows);
        r.put("cols", cols);
        r.put("seed", seed);
        r.put("device", source);
        r.put("window_S", window);
        r.put("tolerance_S", spacing / 4);
        r.put("read_delay_s", CrossbarProgramming.DELAY);
        r.put("levels_distinguishable", m.levelsDistinguishable());
        r.put("sigma_S", m.sigmaMean());
        r.put("rmse_percent", m.rmsePercent());
        r.put("pulses_mean", m.pulsesMean());
        r.put("pulses_max", m.pulsesMax());
        r.put("energy_J", m.energyMean());
        r.put("time_s", m.timeMean());
        r.put("failures", m.failures());
        return r;
    }

    static String table(List<Map<String, Object>> rows, Map<String, double[]> accuracy) {
        StringBuilder b = new StringBuilder();
        b.append("| scheme | levels distinguishable | RMSE % | pulses mean | pulses max | energy/device (J) | failures | accuracy % |\n");
        b.append("|---|---|---|---|---|---|---|---|\n");
        for (Map<String, Object> r : rows) {
            double[] acc = accuracy.get((String) r.get("scheme"));
            b.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.1f | %d | %.3g | %d | %s |%n", r.get("scheme"),
                    (Integer) r.get("levels_distinguishable"), (Double) r.get("rmse_percent"), (Double) r.get("pulses_mean"),
                    (Integer) r.get("pulses_max"), (Double) r.get("energy_J"), (Integer) r.get("failures"),
                    acc == null ? "–" : String.format(Locale.ROOT, "%.2f ± %.2f", 100 * acc[0], 100 * acc[1])));
        }
        double[] sw = accuracy.get("software");
        if (sw != null) {
            b.append(String.format(Locale.ROOT, "software (float weights): %.2f %% test accuracy%n", 100 * sw[0]));
        }
        return b.toString();
    }

    /**
     * {@code levels.png}: the read distribution of every level, a histogram of the reads in bins
     * of a twelfth of the level spacing drawn as steps (whole device counts), with each target as a
     * dashed line; for more than {@value #MANY_LEVELS} levels a second panel shows each device's
     * read error against its target.
     */
    private static void writeHistogram(Path file, Map<ProgrammingScheme, CrossbarProgramming.Outcome> outcomes,
                                       double[] window, double spacing) {
        double bin = spacing / 12;
        double lo = window[0] - 2 * spacing;
        int bins = (int) Math.ceil((window[1] + 2 * spacing - lo) / bin);
        LineFigure hist = new LineFigure("Read conductance per level (" + CrossbarProgramming.DELAY
                + " s after programming; dashed: targets)", "G (µS)", "devices per bin of " + micro(bin) + " µS");
        LineFigure error = new LineFigure("Read error against target", "target G (µS)", "read − target (µS)").scatter();
        java.util.SortedSet<Double> targets = new java.util.TreeSet<>();
        boolean perLevel = outcomes.size() == 1;
        for (Map.Entry<ProgrammingScheme, CrossbarProgramming.Outcome> e : outcomes.entrySet()) {
            CrossbarProgramming.Outcome o = e.getValue();
            double[] t = new double[o.targets().length];
            double[] err = new double[t.length];
            for (int d = 0; d < t.length; d++) {
                t[d] = 1e6 * o.targets()[d];
                err[d] = 1e6 * (o.reads()[d] - o.targets()[d]);
                targets.add(o.targets()[d]);
            }
            error.series(e.getKey().label(), t, err);
            // One scheme: a histogram per level, so that overlapping levels stay apart; several: one per scheme.
            for (double level : perLevel ? targets : java.util.Set.of(Double.NaN)) {
                int[] count = new int[bins];
                for (int d = 0; d < t.length; d++) {
                    int b = (int) Math.floor((o.reads()[d] - lo) / bin);
                    if (b >= 0 && b < bins && (Double.isNaN(level) || o.targets()[d] == level)) {
                        count[b]++;
                    }
                }
                double[][] xy = steps(lo, bin, count);
                hist.series(Double.isNaN(level) ? e.getKey().label() : "target " + micro(level) + " µS", xy[0], xy[1]);
            }
        }
        hist.legend(outcomes.size() > 1 || targets.size() <= LineFigure.PALETTE.length).integerY();
        for (double target : targets) {
            hist.mark(1e6 * target);
        }
        if (targets.size() > MANY_LEVELS) {
            LineFigure.writePngRow(file, List.of(hist, error), 900, 600);
        } else {
            hist.writePng(file, 1000, 600);
        }
    }

    /** A histogram as steps, in µS: each bin's count held flat across the bin. */
    private static double[][] steps(double lo, double bin, int[] count) {
        double[] x = new double[2 * count.length];
        double[] y = new double[2 * count.length];
        for (int b = 0; b < count.length; b++) {
            x[2 * b] = 1e6 * (lo + b * bin);
            x[2 * b + 1] = 1e6 * (lo + (b + 1) * bin);
            y[2 * b] = count[b];
            y[2 * b + 1] = count[b];
        }
        return new double[][] {x, y};
    }

    /** More levels than this and levels.png adds the error-against-target panel. */
    static final int MANY_LEVELS = 8;

    private static String micro(double siemens) {
        return String.format(java.util.Locale.ROOT, "%.3g", siemens * 1e6);
    }

    private static long buildStamp() {
        try {
            return Path.of(ProgramCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile()
                    .lastModified();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return 0;
        }
    }

    /** The default case's compact device, extracted once and cached under out/cache by the hash of the case and build. */
    private static CompactDeviceParameters defaultDevice(int threads, PrintWriter log) {
        DeviceCase c = DeviceCase.defaultCase();
        String hash;
        try (var in = DeviceCase.class.getResourceAsStream("/cases/" + DeviceCase.DEFAULT)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(in.readAllBytes());
            // The build that extracts is part of the key: a rebuilt hafnia re-extracts.
            md.update(Long.toString(buildStamp()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] d = md.digest();
            hash = HexFormat.of().formatHex(d, 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String root = System.getProperty("hafnia.root", ".");
        Path cache = Path.of(root, "out", "cache", "compact-" + c.name() + "-" + hash + ".json");
        if (Files.isRegularFile(cache)) {
            return CompactDeviceFile.readDevice(cache);
        }
        log.printf("program: extracting the default case %s once (cached in %s) ...%n", c.name(), cache);
        log.flush();
        DeviceExtraction x = DeviceExtraction.run(c, threads, i -> { });
        try {
            Files.createDirectories(cache.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.write(cache, Json.content(x.compactDocument(c.name())));
        return x.result().device();
    }
}
