package org.hafnia.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.hafnia.experiments.characterisation.DeviceExtraction;
import org.hafnia.experiments.denoise.DenoiseReport;
import org.hafnia.experiments.denoise.DenoiseStudy;
import org.hafnia.experiments.denoise.DenoiseWindowFigure;
import org.hafnia.experiments.denoise.PhysicalLevels;
import org.hafnia.experiments.denoise.ReadTrace;
import org.hafnia.experiments.denoise.TrapCensusStudy;
import org.hafnia.experiments.device.DeviceCaseFile;
import org.hafnia.physics.compact.CompactDeviceParameters;
import org.hafnia.solver.device.FilmDevice;
import org.hafnia.postprocess.extraction.CharacterisationData;
import org.hafnia.postprocess.io.Json;
import org.hafnia.postprocess.io.StagedOutput;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hafnia denoise}: the denoising study of a device case and the levels with and without denoising. */
@Command(name = "denoise", mixinStandardHelpOptions = true,
        header = "Sweep denoising trains on an ensemble of devices and derive the denoising window.",
        description = {"Apply trains of pulses (both polarities, a 0 V and a no-train control) of every amplitude, width and",
            "count to fresh devices of a case; measure the telegraph step (published two-means), read sigma and G",
            "from read traces before and after, and the complete channel from the phase-field map. Derive the window",
            "of RESET amplitudes that denoise and keep the complete channel; measure the levels with and without",
            "denoising. Writes denoise.json and denoise-window.png."})
public final class DenoiseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", description = "Device case JSON (default: the shipped hfo2-device case).")
    Path casePath;

    @Option(names = "--out", defaultValue = "out/denoise", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    // Ranges (OptionValidation): the case reader's bounds of the same quantities (DeviceCaseFile:
    // pulse voltages ±100 V, widths ≤ 1 s, counts ≤ 10⁶, trace intervals ≤ 10³ s, delays ≤ 10⁹ s).
    @Option(names = "--amplitudes", split = ",", paramLabel = "V",
            description = "Train amplitudes, V, signed (negative = RESET); 0 V and no-train controls are always added (default: from the case).")
    @Range(min = -100, max = 100, unit = "V")
    double[] amplitudes;

    @Option(names = "--widths", split = ",", paramLabel = "S", description = "Pulse widths, s (default: from the case).")
    @Range(min = Double.MIN_VALUE, max = 1, unit = "s")
    double[] widths;

    @Option(names = "--counts", split = ",", paramLabel = "N", description = "Pulses per train (default: from the case).")
    @Range(min = 1, max = 1_000_000)
    int[] counts;

    @Option(names = "--gap", paramLabel = "S", description = "Time between pulses of a train, s (default: the pulse width).")
    @Range(min = 0, max = 1e3, unit = "s")
    Double gap;

    @Option(names = "--trace-reads", paramLabel = "N",
            description = "Reads per trace (default: the case's characterisation trace_reads).")
    @Range(min = 2, max = 1_000_000)
    Integer traceReads;

    @Option(names = "--read-interval", paramLabel = "S",
            description = "Read start to read start, s (default: the case's trace_interval; hfo2-device: 500 reads every 2 ms, a 1 s trace as the measured windows of reference/rtn, sampled below the shortest mean dwell).")
    @Range(min = Double.MIN_VALUE, max = 1e3, unit = "s")
    Double readInterval;

    @Option(names = "--devices", paramLabel = "N", description = "Ensemble size (default: from the case).")
    @Range(min = 1, max = 100_000)
    Integer devices;

    @Option(names = "--denoise-ratio", defaultValue = "0.5",
            description = "Largest step ratio (after/before, relative to the 0 V control) that counts as denoised (default: ${DEFAULT-VALUE}).")
    @Range(min = Double.MIN_VALUE, max = 1)
    double denoiseRatio;

    @Option(names = "--intact-conductance", defaultValue = "0.9",
            description = "Smallest retained conductance of the complete channel that counts as intact (default: ${DEFAULT-VALUE}).")
    @Range(min = Double.MIN_VALUE, max = 1)
    double intactConductance;

    @Option(names = "--intact-devices", defaultValue = "0.9",
            description = "Smallest fraction of devices intact for an amplitude in the window (default: ${DEFAULT-VALUE}).")
    @Range(min = Double.MIN_VALUE, max = 1)
    double intactDevices;

    @Option(names = "--no-levels", description = "Skip the levels with and without denoising.")
    boolean noLevels;

    @Option(names = "--probe-levels", defaultValue = "4", description = "Probe targets over the window for the levels (default: ${DEFAULT-VALUE}).")
    @Range(min = 2, max = 1 << 16)
    int probeLevels;

    @Option(names = "--aim-levels", defaultValue = "2048",
            description = "Levels the verify tolerance is set for (a quarter of their spacing; default: ${DEFAULT-VALUE}, the paper's).")
    @Range(min = 2, max = 1 << 20)
    int aimLevels;

    @Option(names = "--level-delay", defaultValue = "10", paramLabel = "S",
            description = "Delay between programming and the evaluation reads, s (default: ${DEFAULT-VALUE}).")
    @Range(min = 0, max = 1e9, unit = "s")
    double levelDelay;

    @Mixin
    ThreadsOption threads;

    /** Default train amplitudes as multiples of the case's denoising magnitude (both polarities). */
    static final double[] AMPLITUDE_FACTORS = {0.25, 0.5, 1, 1.5, 2};

    @Override
    public Integer call() {
        PrintWriter log = spec.commandLine().getOut();
        int n = threads.resolve();
        DeviceCaseFile c = casePath == null ? DeviceCaseFile.defaultCase() : DeviceCaseFile.read(casePath);
        DenoiseStudy.Sweep sweep = sweep(c);
        if (c.traps() != null) {
            String shortfall = ReadTrace.requirement(c.traps(), c.readVoltage(), sweep.readWidth(), sweep.readInterval(),
                    sweep.traceReads()).shortfall();
            if (shortfall != null) {
                spec.commandLine().getErr().println("denoise: warning: " + c.name() + ": " + shortfall);
            }
        }
        long t0 = System.nanoTime();
        DenoiseStudy.Result r;
        try (Progress bar = new Progress("denoise", sweep.jobs())) {
            DenoiseStudy.Census census = c.traps() == null ? null
                    : (seed, d) -> TrapCensusStudy.census(c, seed, (FilmDevice) d);
            r = DenoiseStudy.run(c::create, c.model().sigma(), sweep, n, bar::step, census);
        }
        PhysicalLevels.Settings ls = new PhysicalLevels.Settings(probeLevels, aimLevels, levelDelay, sweep.traceReads(),
                sweep.readVolts(), sweep.readWidth(), sweep.readInterval(), sweep.devices(), sweep.seed());
        PhysicalLevels.Result levels = null;
        String note = "not measured (--no-levels)";
        if (!noLevels) {
            CompactDeviceParameters model = model(c, n);
            try (Progress bar = new Progress("levels", PhysicalLevels.jobs(ls))) {
                levels = PhysicalLevels.run(c::create, model, ls, n, bar::step);
            }
        }
        try (StagedOutput staged = StagedOutput.in(out)) {
            Map<String, Object> doc = DenoiseReport.document(c.name(), c.model().thermalNoise(), sweep, r, levels, note, ls);
            staged.write("denoise.json", Json.content(doc));
            DenoiseWindowFigure.write(staged.file("denoise-window.png"), r, c.name());
            staged.commit();
        }
        print(log, c.name(), sweep, r, levels, n, (System.nanoTime() - t0) * 1e-9);
        return 0;
    }

    /**
     * The sweep: options where given, otherwise from the case's characterisation section — the
     * denoising train's width and count (and ten times the width, a quarter of the count), the
     * amplitudes {@link #AMPLITUDE_FACTORS} × the denoising magnitude in both polarities, the read
     * voltage and width, the ensemble, and the case's characterisation trace — the one trace that
     * {@code extract} uses too ({@link org.hafnia.experiments.denoise.ReadTrace#requirement} says
     * when it is too short for the traps to switch; the command warns then).
     */
    private DenoiseStudy.Sweep sweep(DeviceCaseFile c) {
        CharacterisationData.Protocol p = c.protocol();
        double vd = Math.abs(p.vDenoise());
        double[] a = amplitudes;
        if (a == null) {
            a = new double[2 * AMPLITUDE_FACTORS.length];
            for (int k = 0; k < AMPLITUDE_FACTORS.length; k++) {
                a[2 * k] = -AMPLITUDE_FACTORS[k] * vd;
                a[2 * k + 1] = AMPLITUDE_FACTORS[k] * vd;
            }
        }
        double[] w = widths != null ? widths : new double[] {p.denoiseWidth(), 10 * p.denoiseWidth()};
        int[] n = counts != null ? counts : new int[] {p.denoisePulses(), Math.max(1, p.denoisePulses() / 4)};
        return new DenoiseStudy.Sweep(a, w, n, gap != null ? gap : w[0], c.readVoltage(), c.readWidth(),
                readInterval != null ? readInterval : p.traceInterval(), traceReads != null ? traceReads : p.traceReads(),
                devices != null ? devices : c.devices(), c.seed(), denoiseRatio, intactConductance, intactDevices);
    }

    /** The compact model of the case the schemes use, extracted from the case's own devices ({@code hafnia extract}). */
    private static CompactDeviceParameters model(DeviceCaseFile c, int threads) {
        return DeviceExtraction.run(c, threads, i -> { }).result().device();
    }

    private void print(PrintWriter log, String name, DenoiseStudy.Sweep s, DenoiseStudy.Result r,
                       PhysicalLevels.Result levels, int threads, double seconds) {
        log.printf(Locale.ROOT, "denoise: case %s, %d devices × %d trains, %d thread(s), %.1f s%n", name, s.devices(),
                r.entries().size(), threads, seconds);
        log.printf(Locale.ROOT, "  %-10s %-9s %-5s %-12s %-12s %-10s %-10s %-8s %s%n", "amplitude", "width", "count",
                "step before", "step after", "G before", "G after", "intact", "traps: σ_T² change per device (largest cause)");
        for (DenoiseStudy.Entry e : r.entries()) {
            String a = !e.train().applied() ? "no train" : String.format(Locale.ROOT, "%+.3f V", e.train().amplitude());
            log.printf(Locale.ROOT, "  %-10s %-9.3g %-5d %-12s %-12s %-10s %-10s %5.0f %%   %s%n", a, e.train().width(),
                    e.train().count(), micro(e.stepBefore(), "µA"), micro(e.stepAfter(), "µA"), micro(e.gBefore(), "µS"),
                    micro(e.gAfter(), "µS"), 100 * e.intact(), traps(e));
        }
        DenoiseStudy.Window w = r.window();
        log.println(w.empty() ? "  window: none (no RESET amplitude met both criteria)"
                : String.format(Locale.ROOT, "  window: %.3g–%.3g V (RESET polarity)", w.low(), w.high()));
        log.printf(Locale.ROOT, "  calibration: G(−0.15 V) = %s; steps %s / %s / %s at −0.15 / −0.20 / −0.25 V%n",
                micro(r.calibration().gRead(), "µS"), micro(r.calibration().steps()[0], "µA"),
                micro(r.calibration().steps()[1], "µA"), micro(r.calibration().steps()[2], "µA"));
        if (levels != null) {
            log.printf(Locale.ROOT, "  levels: %d without denoising (σ %s), %d with (σ %s); limited by %s%n",
                    levels.without().levels(), micro(levels.without().sigma(), "µS"), levels.with().levels(),
                    micro(levels.with().sigma(), "µS"), levels.limitedBy());
        }
        log.printf("  wrote %s%n", out.toAbsolutePath().normalize());
        log.flush();
    }

    /** The ensemble's change of the telegraph variance σ_T² per device (µS²) and its largest cause, "–" without traps. */
    private static String traps(DenoiseStudy.Entry e) {
        if (e.trapsBefore() == null) {
            return "–";
        }
        Map<String, Object> a = TrapCensusStudy.attribution(e.trapsBefore(), e.trapsAfter());
        double change = ((Double) a.get("telegraph_variance_S2") - (Double) a.get("telegraph_variance_fresh_S2"))
                / e.trapsBefore().size();
        return String.format(Locale.ROOT, "%+.3g µS² (%s)", 1e12 * change, a.get("dominant"));
    }

    private static String micro(double v, String unit) {
        return String.format(Locale.ROOT, "%.4g %s", 1e6 * v, unit);
    }
}
