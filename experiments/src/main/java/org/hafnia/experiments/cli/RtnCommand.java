package org.hafnia.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.hafnia.experiments.rtn.RtnDataset;
import org.hafnia.experiments.rtn.RtnReport;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.postprocess.io.Json;
import org.hafnia.postprocess.io.StagedOutput;
import org.hafnia.postprocess.rtn.RtnAnalysis;
import org.hafnia.postprocess.rtn.RtnTraceReader;
import org.hafnia.postprocess.rtn.TwoLevelClassifier;
import org.hafnia.postprocess.rtn.TwoMeansThreshold;
import org.hafnia.postprocess.rtn.TwoStateHiddenMarkov;
import org.hafnia.postprocess.rtn.VoltageDependenceFit;
import org.hafnia.postprocess.rtn.VoltageWindow;
import org.hafnia.postprocess.rtn.VoltageWindowFinder;
import org.hafnia.postprocess.rtn.WindowStatistics;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hafnia rtn}: random-telegraph-noise statistics of measured current traces (Fig. S14). */
@Command(name = "rtn", mixinStandardHelpOptions = true,
        header = "Random-telegraph-noise lifetimes of read-current traces (Fig. S14).",
        description = {"Random-telegraph-noise statistics of read-current traces (Rao et al., Nature 615, 823 (2023), Fig. S14):",
            "read windows from the voltage column, two-level classification, dwell times pooled per window,",
            "maximum-likelihood lifetimes of the detection-delayed exponential and their voltage dependence.",
            "Writes rtn.json, rtn_hist.tsv and rtn.png."})
public final class RtnCommand implements Callable<Integer> {

    enum Method { published, hmm }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Folders of trace *.csv files (header "
            + RtnTraceReader.HEADER + ").")
    List<Path> folders;

    @Option(names = "--out", defaultValue = "out/rtn", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--method", defaultValue = "published",
            description = "Two-level classification: published (iterative two-means threshold) or hmm (two-state hidden Markov model, for noisy traces) (default: ${DEFAULT-VALUE}).")
    Method method;

    @Option(names = "--skip-bad", description = "Report bad files (wrong header, too few samples, non-numeric values, no or disagreeing voltage windows) and go on without them, instead of failing.")
    boolean skipBad;

    @Option(names = "--min-window", defaultValue = "1000", description = "Fewest samples of a read window (default: ${DEFAULT-VALUE}).")
    @Range(min = 2)
    int minWindow;

    @Option(names = "--min-read-voltage", defaultValue = "0.01", description = "Smallest |V| of a read window, V (default: ${DEFAULT-VALUE}).")
    @Range(min = 0, unit = "V")
    double minReadVoltage;

    @Option(names = "--window-tolerance", defaultValue = "25", description = "Largest disagreement of a trace's window boundary with the other traces', samples (default: ${DEFAULT-VALUE}).")
    @Range(min = 0)
    int windowTolerance;

    @Option(names = "--voltage-tolerance", defaultValue = "0.005", description = "Largest disagreement of a trace's window voltage with the other traces', V (default: ${DEFAULT-VALUE}).")
    @Range(min = 0, unit = "V")
    double voltageTolerance;

    @Override
    public Integer call() {
        PrintWriter log = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (minWindow < 2) {
            throw new InvalidInputException("--min-window must be at least 2 samples, got " + minWindow);
        }
        RtnDataset data = RtnDataset.load(folders, new RtnTraceReader(minWindow),
                new VoltageWindowFinder(minWindow, minReadVoltage), windowTolerance, voltageTolerance);
        if (!data.bad().isEmpty()) {
            for (String why : data.bad().values()) {
                // Each bad file as a note; the one error line follows.
                err.println((skipBad ? "rtn: skipped " : "note: bad trace file ") + why);
            }
            err.flush();
            if (!skipBad) {
                Map.Entry<Path, String> first = data.bad().entrySet().iterator().next();
                throw new InvalidInputException(data.bad().size() + " bad trace file(s), first " + first.getValue()
                        + " (--skip-bad skips them)");
            }
        }
        if (data.traces().isEmpty()) {
            throw new InvalidInputException("no usable trace in " + folders);
        }
        TwoLevelClassifier classifier = method == Method.hmm ? new TwoStateHiddenMarkov()
                : new TwoMeansThreshold(TwoMeansThreshold.PUBLISHED_TOLERANCE);
        long t0 = System.nanoTime();
        List<WindowStatistics> stats = new RtnAnalysis(classifier).run(data.traces(), data.consensus().windows());
        if (stats.stream().allMatch(w -> w.lowDwells().length == 0 || w.highDwells().length == 0)) {
            // Without dwells in both states no lifetime is defined: refuse rather than report τ = NaN.
            throw new InvalidInputException("no telegraph switching in " + folders + ": no read window has complete dwells"
                    + " in both levels (" + classifier.name() + " classification), so no lifetime can be estimated;"
                    + " are the traces constant?");
        }
        RtnReport report = new RtnReport(classifier.name(), RtnAnalysis.samplingInterval(data.traces()), stats,
                new VoltageDependenceFit[] {RtnAnalysis.voltageDependence(stats, 0), RtnAnalysis.voltageDependence(stats, 1)});
        try (StagedOutput staged = StagedOutput.in(out)) {
            staged.write("rtn.json", Json.content(report.json(data.traces().size(), data.bad(), data.consensus().maxDeviation())));
            staged.writeString("rtn_hist.tsv", report.histogramTable());
            report.writeFigure(staged.file("rtn.png"));
            staged.commit();
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;

        log.printf(Locale.ROOT, "rtn: %d trace(s)%s, %s classification, Δt = %.3g ms, %.2f s%n", data.traces().size(),
                data.bad().isEmpty() ? "" : " (" + data.bad().size() + " skipped)", classifier.name(),
                report.samplingInterval() * 1e3, seconds);
        StringBuilder ws = new StringBuilder();
        for (VoltageWindow w : data.consensus().windows()) {
            ws.append(' ').append(w);
        }
        int offset = report.offsetFromPublished();
        log.printf(Locale.ROOT, "  windows:%s; traces agree within %d samples; %s%n", ws, data.consensus().maxDeviation(),
                offset < 0 ? "not the published three windows" : "at most " + offset + " samples from the published ones");
        report.printSummary(log);
        log.printf("  wrote %s%n", out.toAbsolutePath().normalize());
        log.flush();
        return 0;
    }
}
