package org.hafnia.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.hafnia.experiments.pfhub.Pfhub1aExperiment;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.postprocess.io.Json;
import org.hafnia.postprocess.io.StagedOutput;
import org.hafnia.postprocess.plots.LineFigure;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hafnia pfhub 1a}: the PFHub spinodal-decomposition benchmark (physics.md §5). */
@Command(name = "pfhub", mixinStandardHelpOptions = true,
        description = {"Run a PFHub benchmark of the conserved (Cahn-Hilliard) dynamics. Supported: 1a",
            "(spinodal decomposition, periodic). Writes free_energy.tsv (time, free_energy), pfhub-1a.png",
            "and pfhub-1a.json; with --check-convergence also convergence.tsv (Δx and Δt halved)."})
public final class PfhubCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BENCHMARK", description = "Benchmark: 1a.")
    String benchmark;

    @Option(names = "--until", defaultValue = "1000", description = "End time T (default: ${DEFAULT-VALUE}).")
    double until;

    @Option(names = "--out", defaultValue = "out/pfhub-1a", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--nodes", defaultValue = "256", description = "Nodes per side, a power of two (default: ${DEFAULT-VALUE}, Δx = 200/256).")
    int nodes;

    @Option(names = "--tolerance", defaultValue = "1e-4", description = "Local error tolerance of adaptive Δt, max norm of c (default: ${DEFAULT-VALUE}; a quarter of it halves Δt).")
    double tolerance;

    @Option(names = "--check-convergence", description = "Also run with Δx halved (2× nodes) and with Δt halved (tolerance / 4) and report the differences in F.")
    boolean checkConvergence;

    @Override
    public Integer call() {
        if (!"1a".equalsIgnoreCase(benchmark)) {
            throw new InvalidInputException("unknown PFHub benchmark '" + benchmark + "': supported is 1a");
        }
        PrintWriter log = spec.commandLine().getOut();
        List<Pfhub1aExperiment> runs = new ArrayList<>();
        runs.add(new Pfhub1aExperiment(nodes, tolerance));
        if (checkConvergence) {
            runs.add(new Pfhub1aExperiment(2 * nodes, tolerance));
            runs.add(new Pfhub1aExperiment(nodes, tolerance / 4));
        }
        String[] labels = {"base", "dx/2", "dt/2"};
        double[] times = Pfhub1aExperiment.reportTimes(until);
        List<List<Pfhub1aExperiment.Sample>> results = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            Pfhub1aExperiment e = runs.get(r);
            long t0 = System.nanoTime();
            try (ProgressBar bar = progressBar("pfhub 1a " + labels[r] + " " + e.nodes() + "²", times.length)) {
                int[] done = {0};
                results.add(e.run(until, t -> {
                    if (bar != null) {
                        bar.stepTo(++done[0]);
                        bar.setExtraMessage(String.format(Locale.ROOT, "t = %.4g", t));
                    }
                }));
            }
            seconds.add((System.nanoTime() - t0) * 1e-9);
        }
        List<Pfhub1aExperiment.Sample> base = results.get(0);

        try (StagedOutput staged = StagedOutput.in(out)) {
            StringBuilder tsv = new StringBuilder("time\tfree_energy\n");
            for (Pfhub1aExperiment.Sample s : base) {
                tsv.append(plain(s.time())).append('\t').append(String.format(Locale.ROOT, "%.10g%n", s.freeEnergy()));
            }
            staged.writeString("free_energy.tsv", tsv.toString());
            LineFigure fig = new LineFigure("PFHub benchmark 1a (periodic), " + nodes + "² nodes, adaptive Δt (tol "
                    + tolerance + ")", "time", "free energy F").logX(true);
            for (int r = 0; r < results.size(); r++) {
                fig.series(labels[r] + " (" + runs.get(r).nodes() + "², tol " + runs.get(r).tolerance() + ")",
                        column(results.get(r), true), column(results.get(r), false));
            }
            fig.writePng(staged.file("pfhub-1a.png"), 900, 600);
            Map<String, Object> report = report(runs, results, seconds);
            if (checkConvergence) {
                staged.writeString("convergence.tsv", convergenceTable(results));
            }
            staged.write("pfhub-1a.json", Json.content(report));
            staged.commit();
        }

        Pfhub1aExperiment.Sample last = base.get(base.size() - 1);
        log.printf(Locale.ROOT, "pfhub 1a: %d² nodes (Δx = %.5g), t = 0 … %g, %d steps accepted, %d rejected, %.1f s%n",
                nodes, Pfhub1aExperiment.SIZE / nodes, until, last.acceptedSteps(), last.rejectedSteps(), seconds.get(0));
        log.printf(Locale.ROOT, "  F(0) = %.4f, F(%g) = %.4f, relative mass change %.2e%n", base.get(0).freeEnergy(),
                last.time(), last.freeEnergy(), Math.abs(last.mass() - base.get(0).mass()) / base.get(0).mass());
        if (checkConvergence) {
            log.printf(Locale.ROOT, "  max |F(dx/2) − F| = %.3g, max |F(dt/2) − F| = %.3g (over t ≥ 1; see convergence.tsv)%n",
                    maxDifference(base, results.get(1)), maxDifference(base, results.get(2)));
        }
        log.printf("  wrote %s%n", out.toAbsolutePath().normalize());
        log.flush();
        return 0;
    }

    /** A progress bar on a terminal, none otherwise (quiet in pipes and CI logs). */
    private static ProgressBar progressBar(String task, int max) {
        if (System.console() == null) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).build();
    }

    /** A time as written in the tables: shortest plain decimal (0, 1, 0.1259, 1000). */
    private static String plain(double t) {
        return java.math.BigDecimal.valueOf(t).stripTrailingZeros().toPlainString();
    }

    private static double[] column(List<Pfhub1aExperiment.Sample> samples, boolean time) {
        return samples.stream().mapToDouble(s -> time ? s.time() : s.freeEnergy()).toArray();
    }

    private static double maxDifference(List<Pfhub1aExperiment.Sample> a, List<Pfhub1aExperiment.Sample> b) {
        double m = 0;
        for (int k = 0; k < a.size(); k++) {
            if (a.get(k).time() >= 1) {
                m = Math.max(m, Math.abs(a.get(k).freeEnergy() - b.get(k).freeEnergy()));
            }
        }
        return m;
    }

    private static String convergenceTable(List<List<Pfhub1aExperiment.Sample>> r) {
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

    private Map<String, Object> report(List<Pfhub1aExperiment> runs, List<List<Pfhub1aExperiment.Sample>> results,
                                       List<Double> seconds) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("benchmark", "PFHub 1a: spinodal decomposition, periodic (physics.md §5)");
        r.put("model", "Cahn-Hilliard dc/dt = M lap(f'(c) - kappa lap c), f = 5 (c-0.3)^2 (0.7-c)^2, kappa = 2, M = 5");
        r.put("scheme", "5-point finite differences, FFT solve, semi-implicit Euler with range-adaptive stabilisation S = max|f''|/2 over the range of c, step-doubling adaptive dt with Richardson extrapolation");
        r.put("until", until);
        List<Map<String, Object>> list = new ArrayList<>();
        for (int k = 0; k < runs.size(); k++) {
            Pfhub1aExperiment e = runs.get(k);
            List<Pfhub1aExperiment.Sample> s = results.get(k);
            Pfhub1aExperiment.Sample last = s.get(s.size() - 1);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("nodes", e.nodes());
            m.put("dx", Pfhub1aExperiment.SIZE / e.nodes());
            m.put("tolerance", e.tolerance());
            m.put("accepted_steps", last.acceptedSteps());
            m.put("rejected_steps", last.rejectedSteps());
            m.put("free_energy_initial", s.get(0).freeEnergy());
            m.put("free_energy_initial_discrete_periodic", e.discreteInitialFreeEnergy());
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
