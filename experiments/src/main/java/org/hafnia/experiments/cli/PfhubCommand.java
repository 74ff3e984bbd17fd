package org.hafnia.experiments.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.hafnia.experiments.pfhub.Pfhub1Experiment;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.postprocess.io.AtomicFiles;
import org.hafnia.postprocess.io.Json;
import org.hafnia.postprocess.io.OutputFolder;
import org.hafnia.postprocess.io.StagedOutput;
import org.hafnia.postprocess.plots.LineFigure;
import org.hafnia.solver.checkpoint.AdaptiveRunCheckpoint;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hafnia pfhub 1a|1b}: the PFHub spinodal-decomposition benchmark (physics.md §5). */
@Command(name = "pfhub", mixinStandardHelpOptions = true,
        header = "Run PFHub benchmark 1a or 1b (Cahn-Hilliard spinodal decomposition).",
        description = {"Run a PFHub benchmark of the conserved (Cahn-Hilliard) dynamics: 1a (spinodal decomposition,",
            "periodic) or 1b (zero flux). Writes free_energy.tsv (time, free_energy), pfhub-1a.png and",
            "pfhub-1a.json (1b: pfhub-1b.*); with --check-convergence also convergence.tsv (Δx and Δt halved).",
            "Writes " + PfhubCommand.CHECKPOINT + " periodically so that --resume continues a killed run to identical files."})
public final class PfhubCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BENCHMARK", description = "Benchmark: 1a or 1b.")
    String benchmark;

    @Option(names = "--until", defaultValue = "1000", description = "End time T (default: ${DEFAULT-VALUE}).")
    @Range(min = Double.MIN_VALUE)
    double until;

    @Option(names = "--out", description = "Output folder (default: out/pfhub-BENCHMARK).")
    Path out;

    @Option(names = "--nodes", defaultValue = "256", description = "Nodes per side, a power of two (default: ${DEFAULT-VALUE}, Δx = 200/256).")
    @Range(min = 4, max = 1 << 14)
    int nodes;

    @Option(names = "--tolerance", defaultValue = "1e-4", description = "Local error tolerance of adaptive Δt, max norm of c (default: ${DEFAULT-VALUE}; a quarter of it halves Δt).")
    @Range(min = Double.MIN_VALUE)
    double tolerance;

    @Option(names = "--check-convergence", description = "Also run with Δx halved (2× nodes) and with Δt halved (tolerance / 4) and report the differences in F.")
    boolean checkConvergence;

    @Option(names = "--resume", description = "Continue a killed run from " + CHECKPOINT + " in the output folder (same parameters).")
    boolean resume;

    @Option(names = "--checkpoint-every", paramLabel = "SECONDS", defaultValue = "30",
            description = "Write " + CHECKPOINT + " into the output folder after the first accepted step this many seconds of wall time after the last one (default: ${DEFAULT-VALUE}).")
    @Range(min = 0)
    double checkpointEvery;

    /** The checkpoint in the output folder, removed when the command completes. */
    public static final String CHECKPOINT = "checkpoint.bin";

    @Override
    public Integer call() {
        Pfhub1Experiment.Variation variation = Pfhub1Experiment.Variation.parse(benchmark);
        String name = variation.label();
        if (out == null) {
            out = Path.of("out", "pfhub-" + name);
        }
        if (!(checkpointEvery >= 0) || !Double.isFinite(checkpointEvery)) {
            throw new InvalidInputException("--checkpoint-every must be a number of seconds ≥ 0, got " + checkpointEvery);
        }
        PrintWriter log = spec.commandLine().getOut();
        // The default folder out/pfhub-BENCHMARK is known only now: the same discipline as any --out.
        OutputFolder folder = OutputFolder.lock(out);
        boolean ok = false;
        try {
            int status = run(log, variation, name);
            ok = true;
            return status;
        } finally {
            folder.close(!ok);
        }
    }

    /**
     * Arrays of nodes² values a run holds, at least: the spectral stepper's 9 (eigenvalues and
     * four complex work arrays), the adaptive stepper's 3 (two half steps and a full step) and the
     * experiment's 3 (state, checkpoint copy, initial condition).
     */
    private static final int RUN_ARRAYS = 15;

    private int run(PrintWriter log, Pfhub1Experiment.Variation variation, String name) {
        int largest = checkConvergence ? 2 * nodes : nodes;
        org.hafnia.meshes.MemoryBudget.requireDoubles(largest, largest, 1, RUN_ARRAYS,
                "--nodes " + nodes + (checkConvergence ? " (" + largest + "² with --check-convergence)" : "")
                        + ": " + RUN_ARRAYS + " arrays of " + largest + "² values");
        List<Pfhub1Experiment> runs = new ArrayList<>();
        runs.add(new Pfhub1Experiment(variation, nodes, tolerance));
        if (checkConvergence) {
            runs.add(new Pfhub1Experiment(variation, 2 * nodes, tolerance));
            runs.add(new Pfhub1Experiment(variation, nodes, tolerance / 4));
        }
        String[] labels = {"base", "dx/2", "dt/2"};
        double[] times = Pfhub1Experiment.reportTimes(until);
        Path checkpointFile = out.resolve(CHECKPOINT);
        AdaptiveRunCheckpoint restored = restore(checkpointFile);
        List<List<Pfhub1Experiment.Sample>> results = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        int firstRun = 0;
        if (restored != null) {
            firstRun = restored.run();
            for (int r = 0; r < firstRun; r++) {
                results.add(samples(restored.samples().get(r)));
                seconds.add(restored.seconds()[r]);
            }
        }
        for (int r = firstRun; r < runs.size(); r++) {
            Pfhub1Experiment e = runs.get(r);
            Pfhub1Experiment.Position from = null;
            double before = 0;
            if (restored != null && r == restored.run()) {
                from = new Pfhub1Experiment.Position(restored.nextReport(), restored.time(), restored.state(),
                        restored.stepper(), samples(restored.samples().get(r)));
                before = restored.seconds()[r];
            }
            long t0 = System.nanoTime();
            try (ProgressBar bar = progressBar("pfhub " + name + " " + labels[r] + " " + e.nodes() + "²", times.length,
                    from == null ? 0 : from.nextReport(), before)) {
                results.add(e.run(until, from, new Checkpointer(checkpointFile, r, results, seconds, before, t0, bar)));
            }
            seconds.add(before + (System.nanoTime() - t0) * 1e-9);
        }
        List<Pfhub1Experiment.Sample> base = results.get(0);

        try (StagedOutput staged = StagedOutput.in(out)) {
            StringBuilder tsv = new StringBuilder("time\tfree_energy\n");
            for (Pfhub1Experiment.Sample s : base) {
                tsv.append(plain(s.time())).append('\t').append(String.format(Locale.ROOT, "%.10g%n", s.freeEnergy()));
            }
            staged.writeString("free_energy.tsv", tsv.toString());
            LineFigure fig = new LineFigure("PFHub benchmark " + name + (variation == Pfhub1Experiment.Variation.A
                    ? " (periodic), " : " (zero flux), ") + nodes + "² nodes, adaptive Δt (tol "
                    + tolerance + ")", "time", "free energy F").logX(true);
            for (int r = 0; r < results.size(); r++) {
                fig.series(labels[r] + " (" + runs.get(r).nodes() + "², tol " + runs.get(r).tolerance() + ")",
                        column(results.get(r), true), column(results.get(r), false));
            }
            fig.writePng(staged.file("pfhub-" + name + ".png"), 900, 600);
            Map<String, Object> report = report(name, runs, results, seconds);
            if (checkConvergence) {
                staged.writeString("convergence.tsv", convergenceTable(results));
            }
            staged.write("pfhub-" + name + ".json", Json.content(report));
            staged.commit();
        }
        try {
            Files.deleteIfExists(checkpointFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + checkpointFile + ": " + AtomicFiles.reason(e), e);
        }

        Pfhub1Experiment.Sample last = base.get(base.size() - 1);
        log.printf(Locale.ROOT, "pfhub %s: %d² nodes (Δx = %.5g), t = 0 … %s, %d steps accepted, %d rejected, %.1f s%s%n",
                name, nodes, Pfhub1Experiment.SIZE / nodes, plain(until), last.acceptedSteps(), last.rejectedSteps(), seconds.get(0),
                restored == null ? "" : String.format(Locale.ROOT, " (resumed in run %s at t = %.6g)", labels[restored.run()],
                        restored.time()));
        log.printf(Locale.ROOT, "  F(0) = %.4f on the grid (analytic initial condition %.4f; PFHub ≈ 319.0), F(%s) = %.4f, "
                + "relative mass change %.2e%n", base.get(0).freeEnergy(), runs.get(0).initialFreeEnergy(),
                plain(last.time()), last.freeEnergy(), Math.abs(last.mass() - base.get(0).mass()) / base.get(0).mass());
        if (checkConvergence) {
            log.printf(Locale.ROOT, "  max |F(dx/2) − F| = %.3g, max |F(dt/2) − F| = %.3g (over t ≥ 1; see convergence.tsv)%n",
                    maxDifference(base, results.get(1)), maxDifference(base, results.get(2)));
        }
        log.printf("  wrote %s%n", out.toAbsolutePath().normalize());
        log.flush();
        return 0;
    }

    /**
     * The command's parameters that determine the results, as a checkpoint records them
     * (doubles in full precision).
     */
    private Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("BENCHMARK", Pfhub1Experiment.Variation.parse(benchmark).label());
        p.put("--until", Double.toString(until));
        p.put("--nodes", Integer.toString(nodes));
        p.put("--tolerance", Double.toString(tolerance));
        p.put("--check-convergence", Boolean.toString(checkConvergence));
        return p;
    }

    /** The checkpoint to continue from: null when there is none; refused without --resume or for other parameters. */
    private AdaptiveRunCheckpoint restore(Path file) {
        if (!Files.exists(file)) {
            if (!resume) {
                return null;
            }
            Path report = out.resolve("pfhub-" + Pfhub1Experiment.Variation.parse(benchmark).label() + ".json");
            throw new InvalidInputException(Files.exists(report)
                    ? out + " holds a finished run (" + report.getFileName() + "), nothing to resume; run without --resume to start again"
                    : "--resume: no checkpoint " + file + " to continue from; run without --resume to start");
        }
        if (!resume) {
            throw new InvalidInputException(out + " holds an unfinished run (" + CHECKPOINT
                    + "): continue it with --resume, or choose another --out");
        }
        AdaptiveRunCheckpoint cp;
        try (InputStream in = Files.newInputStream(file)) {
            cp = AdaptiveRunCheckpoint.read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + AtomicFiles.reason(e), e);
        }
        cp.requireParameters(parameters(), file.toString());
        return cp;
    }

    private static List<Pfhub1Experiment.Sample> samples(List<double[]> rows) {
        return rows.stream().map(Pfhub1Experiment.Sample::ofRow).toList();
    }

    /** Moves the progress bar at each report and writes a checkpoint every --checkpoint-every seconds. */
    private final class Checkpointer implements Pfhub1Experiment.Listener {

        private final Path file;
        private final int run;
        private final List<List<Pfhub1Experiment.Sample>> done;
        private final List<Double> secondsDone;
        private final double before;
        private final long start;
        private final ProgressBar bar;
        private long last;

        /**
         * @param done        samples of the runs before {@code run}
         * @param secondsDone their wall-clock seconds
         * @param before      seconds spent in this run before it was resumed
         * @param start       System.nanoTime() at the (re)start of this run
         */
        Checkpointer(Path file, int run, List<List<Pfhub1Experiment.Sample>> done, List<Double> secondsDone,
                     double before, long start, ProgressBar bar) {
            this.file = file;
            this.run = run;
            this.done = done;
            this.secondsDone = secondsDone;
            this.before = before;
            this.start = start;
            this.bar = bar;
            this.last = start;
        }

        @Override
        public void reported(int report, double t) {
            if (bar != null) {
                bar.stepTo(report + 1L);
                bar.setExtraMessage(String.format(Locale.ROOT, "t = %.4g", t));
            }
        }

        @Override
        public boolean checkpointDue() {
            return System.nanoTime() - last >= checkpointEvery * 1e9;
        }

        @Override
        public void checkpoint(Pfhub1Experiment.Position p) {
            List<List<double[]>> rows = new ArrayList<>();
            double[] secs = new double[run + 1];
            for (int r = 0; r < run; r++) {
                rows.add(done.get(r).stream().map(Pfhub1Experiment.Sample::row).toList());
                secs[r] = secondsDone.get(r);
            }
            rows.add(p.samples().stream().map(Pfhub1Experiment.Sample::row).toList());
            last = System.nanoTime();
            secs[run] = before + (last - start) * 1e-9;
            AdaptiveRunCheckpoint cp = new AdaptiveRunCheckpoint(parameters(), run, p.nextReport(), p.time(), p.stepper(),
                    p.c(), rows, secs);
            AtomicFiles.write(file, cp::write);
        }
    }

    /** A progress bar with elapsed and remaining time on a terminal, none otherwise (quiet in pipes and CI logs). */
    private static ProgressBar progressBar(String task, int max, int done, double secondsBefore) {
        if (System.console() == null) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max)
                .startsFrom(done, Duration.ofNanos((long) (secondsBefore * 1e9))).build();
    }

    /** A time as written in the tables: shortest plain decimal (0, 1, 0.1259, 1000). */
    private static String plain(double t) {
        return java.math.BigDecimal.valueOf(t).stripTrailingZeros().toPlainString();
    }

    private static double[] column(List<Pfhub1Experiment.Sample> samples, boolean time) {
        return samples.stream().mapToDouble(s -> time ? s.time() : s.freeEnergy()).toArray();
    }

    private static double maxDifference(List<Pfhub1Experiment.Sample> a, List<Pfhub1Experiment.Sample> b) {
        double m = 0;
        for (int k = 0; k < a.size(); k++) {
            if (a.get(k).time() >= 1) {
                m = Math.max(m, Math.abs(a.get(k).freeEnergy() - b.get(k).freeEnergy()));
            }
        }
        return m;
    }

    private static String convergenceTable(List<List<Pfhub1Experiment.Sample>> r) {
        StringBuilder sb = new StringBuilder("time\tfree_energy\tfree_energy_dx_half\tfree_energy_dt_half\tdifference_dx\tdifference_dt\n");
        for (int k = 0; k < r.get(0).size(); k++) {
            double f = r.get(0).get(k).freeEnergy();
            double fx = r.get(1).get(k).freeEnergy();
            double ft = r.get(2).get(k).freeEnergy();
            sb.append(plain(r.get(0).get(k).time())).append(String.format(Locale.ROOT, "\t%.10g\t%.10g\t%.10g\t%.3e\t%.3e%n",
                    f, fx, ft, fx - f, ft - f));
        }
        return sb.toString();
    }

    private Map<String, Object> report(String name, List<Pfhub1Experiment> runs, List<List<Pfhub1Experiment.Sample>> results,
                                       List<Double> seconds) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("benchmark", "PFHub " + name + ": spinodal decomposition, " + (name.equals("1a") ? "periodic" : "zero flux")
                + " (physics.md §5)");
        r.put("model", "Cahn-Hilliard dc/dt = M lap(f'(c) - kappa lap c), f = 5 (c-0.3)^2 (0.7-c)^2, kappa = 2, M = 5");
        r.put("scheme", "5-point finite differences, FFT solve, semi-implicit Euler with range-adaptive stabilisation S = max|f''|/2 over the range of c, step-doubling adaptive dt with Richardson extrapolation");
        r.put("until", until);
        List<Map<String, Object>> list = new ArrayList<>();
        for (int k = 0; k < runs.size(); k++) {
            Pfhub1Experiment e = runs.get(k);
            List<Pfhub1Experiment.Sample> s = results.get(k);
            Pfhub1Experiment.Sample last = s.get(s.size() - 1);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("nodes", e.nodes());
            m.put("dx", Pfhub1Experiment.SIZE / e.nodes());
            m.put("tolerance", e.tolerance());
            m.put("accepted_steps", last.acceptedSteps());
            m.put("rejected_steps", last.rejectedSteps());
            m.put("free_energy_initial", s.get(0).freeEnergy());
            m.put("free_energy_initial_analytic", e.initialFreeEnergy());
            m.put("free_energy_final", last.freeEnergy());
            m.put("relative_mass_change", Math.abs(last.mass() - s.get(0).mass()) / s.get(0).mass());
            m.put("seconds", seconds.get(k));
            list.add(m);
        }
        r.put("runs", list);
        if (results.size() == 3) {
            r.put("max_difference_dx_half", maxDifference(results.get(0), results.get(1)));
            r.put("max_difference_dt_half", maxDifference(results.get(0), results.get(2)));
        }
        r.put("threads", 1);
        return r;
    }
}
