package org.hafnia.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.hafnia.experiments.cases.CaseReader;
import org.hafnia.experiments.cases.CaseRun;
import org.hafnia.experiments.cases.DeviceRun;
import org.hafnia.experiments.cases.DeviceRunCase;
import org.hafnia.experiments.cases.RunCase;
import org.hafnia.experiments.cases.RunDeck;
import org.hafnia.experiments.fig4.Fig4Experiment;
import org.hafnia.physics.api.FreeEnergyDensity;
import org.hafnia.physics.energy.CubicSplineEnergy;
import org.hafnia.physics.energy.DoubleWellEnergy;
import org.hafnia.physics.energy.EnergyProfile;
import org.hafnia.physics.energy.NearestNodeForwardSlopeEnergy;
import org.hafnia.postprocess.io.OutputFolder;
import org.hafnia.reference.ReferenceData;
import org.hafnia.solver.protocol.ProtocolListener;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hafnia run CASE.json}: runs the simulation a case file describes, with checkpoints. */
@Command(name = "run", mixinStandardHelpOptions = true,
        header = "Run a simulation described by a JSON case file (resumable).",
        description = {"Run the simulation described by a JSON case file (grid, physics, initial state,",
            "pulse protocol in volts and seconds, outputs, seed). A plan-view case drives the one device",
            "model (docs/device.md) segment by segment; a 3D case (grid nz) is the reduced-unit 3D film.",
            "Writes snapshots/*.h5 with the XDMF index phi.xmf, conductance.tsv/.png, energy.tsv/.png",
            "and run.json; checkpoints periodically so that --resume continues a killed run to identical files."})
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CASE.json", description = "The case file.")
    Path caseFile;

    @Option(names = "--out", description = "Output folder (default: out/<case name>).")
    Path out;

    @Option(names = "--resume", description = "Continue the run from the checkpoint in the output folder.")
    boolean resume;

    @Option(names = "--max-steps", description = "Stop after this many time steps (3D) or device segments (plan view) in total (a quick look, or a test); the checkpoint is kept so that --resume finishes the run.")
    @Range(min = 1)
    Long maxSteps;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--reference", description = "Reference data folder (default: $HAFNIA_REFERENCE, then ../shared/reference beside the project).")
    Path reference;

    private ReferenceData data;

    @Override
    public Integer call() {
        PrintWriter log = spec.commandLine().getOut();
        CaseReader reader = new CaseReader(this::referenceData);
        RunDeck deck = reader.read(caseFile);
        Path dir = out != null ? out : Path.of("out", deck.name());
        int nThreads = threads.resolve();
        long limit = maxSteps == null ? Long.MAX_VALUE : maxSteps;
        long t0 = System.nanoTime();
        CaseRun.Result r;
        // The default folder out/<case name> is known only now: the same discipline as any --out.
        List<Path> inputs = new java.util.ArrayList<>(reader.inputs());
        inputs.add(0, caseFile);
        OutputFolder.refuseInputs(dir, "--out", inputs);
        OutputFolder folder = OutputFolder.lock(dir);
        boolean ok = false;
        String what;
        try (Progress progress = new Progress(deck.name(), deck instanceof DeviceRunCase ? " segments" : " steps")) {
            if (deck instanceof DeviceRunCase d) {
                r = new DeviceRun(d, dir).run(resume, limit, progress);
                what = String.format(Locale.ROOT, "device %d × %d nodes, %d of %d segments", d.model().grid().nx(),
                        d.model().grid().ny(), r.step(), r.totalSteps());
            } else {
                RunCase c = (RunCase) deck;
                r = new CaseRun(c, energy(c), dir, nThreads).run(resume, limit, progress);
                what = String.format(Locale.ROOT, "%d × %d × %d grid, %d of %d steps", c.initial().grid().nx(),
                        c.initial().grid().ny(), c.initial().grid().nz(), r.step(), r.totalSteps());
            }
            ok = true;
        } finally {
            folder.close(!ok);
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;
        log.printf(Locale.ROOT, "run %s: %s%s, %d reads, %d thread(s), %.2f s%n", deck.name(), what,
                r.resumedAt() > 0 ? " (resumed at " + r.resumedAt() + ")" : "", r.reads(),
                deck instanceof DeviceRunCase ? 1 : nThreads, seconds);
        log.printf("  %s %s%n", r.complete() ? "wrote" : "stopped early (continue with --resume); partial results in",
                dir.toAbsolutePath().normalize());
        log.flush();
        return 0;
    }

    private ReferenceData referenceData() {
        if (data == null) {
            data = ReferenceData.locate(reference);
        }
        return data;
    }

    private FreeEnergyDensity energy(RunCase c) {
        RunCase.Physics p = c.physics();
        if (p.energy().equals("double-well")) {
            return new DoubleWellEnergy(p.barrier(), p.asymmetry(), "eV");
        }
        EnergyProfile profile = Fig4Experiment.profileOf(referenceData().fig4EnergyTable());
        return p.energy().equals("spline") ? new CubicSplineEnergy(profile) : new NearestNodeForwardSlopeEnergy(profile);
    }

    /** A progress bar with time remaining on a terminal; silent when standard error is not one. */
    private static final class Progress implements ProtocolListener, AutoCloseable {
        private final String name;
        private final String unit;
        private ProgressBar bar;

        Progress(String name, String unit) {
            this.name = name;
            this.unit = unit;
        }

        @Override
        public void progress(long done, long total) {
            if (System.console() == null) {
                return;
            }
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(total).setUnit(unit, 1)
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).startsFrom(done, java.time.Duration.ZERO)
                        .build();
            }
            bar.stepTo(done);
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
