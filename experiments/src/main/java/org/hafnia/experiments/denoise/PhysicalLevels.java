package org.hafnia.experiments.denoise;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

import org.hafnia.experiments.ParallelJobs;
import org.hafnia.experiments.programming.CrossbarProgramming;
import org.hafnia.experiments.programming.DevicePopulation;
import org.hafnia.experiments.programming.ProgrammingScheme;
import org.hafnia.physics.compact.CompactDeviceParameters;
import org.hafnia.physics.compact.StructuralDevice;

/**
 * Distinguishable levels (programming.md) of the structural device itself, with and without
 * denoising. Every device of the ensemble is programmed, fresh from its seed, to each of a few
 * probe targets spread over the programmable window ({@link CrossbarProgramming#window}) with
 * {@code write-verify} and with {@code write-verify-denoise}; the schemes know only the
 * extracted mean model, as a tester would. The verify tolerance is that of an array aimed at
 * {@code aim} levels (a quarter of their spacing, as {@link CrossbarProgramming}). After
 * programming a read trace is taken at once, then again after the delay; the read distribution
 * of a level is all reads after the delay of all devices at that target, its σ includes the
 * programming error, the telegraph and white read noise and the drift over the delay. The count
 * is that of {@link CrossbarProgramming#merit} (the ±3σ packing of programming.md with σ(G)
 * interpolated between the probe targets).
 *
 * <p>What limits the count is identified from the numbers: the three contributions to the level σ
 * are measured separately — read noise (the within-trace σ after the delay), programming error
 * (the r.m.s. of the trace mean right after programming about the target) and drift (the r.m.s.
 * change of the trace mean over the delay) — and the largest is named.
 */
public final class PhysicalLevels {

    /** The schemes compared: without and with the denoising train. */
    public static final ProgrammingScheme WITHOUT = ProgrammingScheme.WRITE_VERIFY;
    public static final ProgrammingScheme WITH = ProgrammingScheme.WRITE_VERIFY_DENOISE;

    private PhysicalLevels() {
    }

    /**
     * How the levels are measured.
     *
     * @param probes       probe targets over the window (≥ 2)
     * @param aim          levels the verify tolerance is set for
     * @param delay        time between programming and the evaluation reads (s)
     * @param reads        reads per trace
     * @param readVolts    read voltage of the traces (V, signed)
     * @param readWidth    duration of one read (s)
     * @param readInterval read start to read start (s)
     * @param devices      ensemble size
     * @param seed         seed of device 0 (device i: seed + i)
     */
    public record Settings(int probes, int aim, double delay, int reads, double readVolts, double readWidth,
                           double readInterval, int devices, long seed) {
    }

    /**
     * One scheme's result.
     *
     * @param levels           distinguishable levels in the window
     * @param sigma            mean level σ after the delay (S)
     * @param sigmaRead        r.m.s. within-trace σ after the delay: telegraph and white read noise (S)
     * @param sigmaProgramming r.m.s. of (trace mean right after programming − target) (S)
     * @param sigmaDrift       r.m.s. change of the trace mean over the delay (S)
     * @param tolerance        verify tolerance, half-width (S)
     * @param failures         (device, target) pairs whose closed loop ended outside its window
     * @param programmings     (device, target) pairs programmed
     * @param pulsesMean       mean pulses per programming (verify reads not counted)
     */
    public record SchemeLevels(int levels, double sigma, double sigmaRead, double sigmaProgramming, double sigmaDrift,
                               double tolerance, int failures, int programmings, double pulsesMean) {

        /**
         * The largest of the three measured contributions, in words. A programming error is told
         * apart by its cause: more than a tenth of the loops failing is the pulse budget; an r.m.s.
         * error above twice that of errors spread evenly over the tolerance (tolerance/√3) is the
         * verify reads' own noise (a loop stops on a read that noise carried into the window);
         * otherwise it is the tolerance itself.
         */
        public String limitedBy() {
            if (sigmaRead >= sigmaProgramming && sigmaRead >= sigmaDrift) {
                return "read noise (telegraph and white) of the programmed state";
            }
            if (sigmaDrift > sigmaProgramming) {
                return "drift of the programmed state over the read delay";
            }
            if (failures > 0.1 * programmings) {
                return "programming failures (write-verify ran out of its pulse budget)";
            }
            return sigmaProgramming > 2 * tolerance / Math.sqrt(3)
                    ? "programming error from read noise in the verify reads (loops stop on noisy reads)"
                    : "programming error within the verify tolerance";
        }
    }

    /**
     * @param window  programmable window {G_low, G_high} (S)
     * @param targets probe targets (S)
     */
    public record Result(double[] window, double[] targets, SchemeLevels without, SchemeLevels with) {

        /** The mechanism that limits the levels with denoising (the better scheme's limit). */
        public String limitedBy() {
            return with.limitedBy();
        }
    }

    /** What one programming gave. */
    private record Sample(double meanRight, double meanAfter, double sigmaAfter, double[] after, boolean ok, int pulses) {
    }

    /**
     * Measures the levels.
     *
     * @param devices makes device {@code seed} fresh
     * @param model   the extracted mean model the schemes use
     * @param tick    called once per finished programming
     */
    public static Result run(LongFunction<? extends StructuralDevice> devices, CompactDeviceParameters model,
                             Settings s, int threads, Runnable tick) {
        double[] window = CrossbarProgramming.window(model);
        double[] targets = new double[s.probes()];
        for (int j = 0; j < targets.length; j++) {
            targets[j] = window[0] + (window[1] - window[0]) * j / (targets.length - 1);
        }
        double spacing = (window[1] - window[0]) / Math.max(1, s.aim() - 1);
        ProgrammingScheme.Settings settings = new ProgrammingScheme.Settings(
                DevicePopulation.compact("physical device", model), spacing / 4, spacing, CrossbarProgramming.MAX_PULSES,
                null, null);
        Sample[][] without = program(WITHOUT, devices, settings, targets, s, threads, tick);
        Sample[][] with = program(WITH, devices, settings, targets, s, threads, tick);
        return new Result(window, targets, summarise(without, targets, window, settings.tolerance()),
                summarise(with, targets, window, settings.tolerance()));
    }

    /** Jobs of {@link #run} (for progress). */
    public static int jobs(Settings s) {
        return 2 * s.probes() * s.devices();
    }

    private static Sample[][] program(ProgrammingScheme scheme, LongFunction<? extends StructuralDevice> devices,
                                      ProgrammingScheme.Settings settings,
                                      double[] targets, Settings s, int threads, Runnable tick) {
        Sample[][] out = new Sample[targets.length][s.devices()];
        List<Runnable> jobs = new ArrayList<>();
        for (int j = 0; j < targets.length; j++) {
            for (int i = 0; i < s.devices(); i++) {
                final int level = j;
                final int dev = i;
                jobs.add(() -> {
                    out[level][dev] = programOne(scheme, devices.apply(s.seed() + dev), settings,
                            targets[level], s);
                    tick.run();
                });
            }
        }
        ParallelJobs.run(threads, jobs, "levels study");
        return out;
    }

    private static Sample programOne(ProgrammingScheme scheme, StructuralDevice device, ProgrammingScheme.Settings settings,
                                     double target, Settings s) {
        PulseCounter d = new PulseCounter(device);
        boolean ok = scheme.programDevice(d, target, settings);
        ReadTrace right = ReadTrace.measure(device, s.readVolts(), s.readWidth(), s.readInterval(), s.reads());
        device.idle(s.delay());
        ReadTrace after = ReadTrace.measure(device, s.readVolts(), s.readWidth(), s.readInterval(), s.reads());
        double[] g = new double[s.reads()];
        for (int k = 0; k < g.length; k++) {
            g[k] = after.current()[k] / s.readVolts();
        }
        return new Sample(right.conductance(), after.conductance(), after.sigma(), g, ok, d.pulses);
    }

    private static SchemeLevels summarise(Sample[][] samples, double[] targets, double[] window, double tolerance) {
        double read = 0;
        double programming = 0;
        double drift = 0;
        int failures = 0;
        int n = 0;
        List<double[]> reads = new ArrayList<>();
        List<Integer> pulses = new ArrayList<>();
        for (int j = 0; j < targets.length; j++) {
            for (Sample x : samples[j]) {
                read += x.sigmaAfter() * x.sigmaAfter();
                programming += (x.meanRight() - targets[j]) * (x.meanRight() - targets[j]);
                drift += (x.meanAfter() - x.meanRight()) * (x.meanAfter() - x.meanRight());
                failures += x.ok() ? 0 : 1;
                n++;
                for (double g : x.after()) {
                    reads.add(new double[] {targets[j], g});
                    pulses.add(x.pulses());
                }
            }
        }
        // Every read after the delay is one sample of its level's read distribution: the merit of
        // CrossbarProgramming (per-level σ, ±3σ packing) applies to them unchanged.
        int m = reads.size();
        double[] t = new double[m];
        double[] g = new double[m];
        int[] p = new int[m];
        for (int k = 0; k < m; k++) {
            t[k] = reads.get(k)[0];
            g[k] = reads.get(k)[1];
            p[k] = pulses.get(k);
        }
        CrossbarProgramming.Merit merit = CrossbarProgramming.merit(
                new CrossbarProgramming.Outcome(t, g, p, new double[m], new double[m], failures, new double[2], new double[0], 0), targets, window);
        return new SchemeLevels(merit.levelsDistinguishable(), merit.sigmaMean(), Math.sqrt(read / n),
                Math.sqrt(programming / n), Math.sqrt(drift / n), tolerance, failures, n, merit.pulsesMean());
    }

    /** Counts the pulses a scheme spends on a device. */
    private static final class PulseCounter implements org.hafnia.physics.compact.ResistiveDevice {
        private final StructuralDevice device;
        private int pulses;

        PulseCounter(StructuralDevice device) {
            this.device = device;
        }

        @Override
        public void pulse(double amplitude, double width) {
            pulses++;
            device.pulse(amplitude, width);
        }

        @Override
        public double read() {
            return device.read();
        }

        @Override
        public void idle(double seconds) {
            device.idle(seconds);
        }

        @Override
        public double time() {
            return device.time();
        }
    }
}
