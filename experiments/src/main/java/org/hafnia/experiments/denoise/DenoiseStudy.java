package org.hafnia.experiments.denoise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;

import org.hafnia.experiments.ParallelJobs;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.api.ConductivityModel;
import org.hafnia.physics.compact.ResistiveDevice;
import org.hafnia.physics.compact.StructuralDevice;
import org.hafnia.postprocess.rtn.TrapCensus;

/**
 * The denoising study: for every train width and count of the sweep, a no-train control (the
 * same time without pulses), a 0 V control (the same pulses at 0 V) and a train at every
 * amplitude of the sweep (both polarities) is applied to every device of an ensemble, each device
 * fresh from its seed, so that all trains start from the same states. Before and after the train
 * a read trace is taken at the read voltage; the telegraph step, read σ and mean G come from the
 * traces ({@link ReadTrace}), the damage from the channel map ({@link CompleteChannel}).
 *
 * <p>The window is derived from the measurements: a RESET-polarity amplitude <em>denoises</em>
 * when its train lowers the telegraph step, relative to its value before, to at most
 * {@link Sweep#denoiseRatio()} of the relative change that the 0 V control of the same timing
 * shows (so that the time alone, or the reads, are not credited to the train), and it leaves the
 * complete channel <em>intact</em> in at least {@link Sweep#intactDevices()} of the devices. The
 * window is the range of magnitudes of the lowest contiguous run of such amplitudes. Results do not
 * depend on the thread count: each (train, device) pair is one deterministic job.
 *
 * <p>Given a {@link Census}, the study also takes the trap census of every device's map before and
 * after each train ({@link TrapCensus}): which traps the train dissolved, completed, left out of
 * reach or made, so that a change of the telegraph amplitude is told by its cause, not only measured.
 */
public final class DenoiseStudy {

    /** The read voltages of the measured traces of {@code reference/rtn} (physics.md §4), V. */
    public static final double[] CALIBRATION_VOLTS = {-0.15, -0.20, -0.25};

    private DenoiseStudy() {
    }

    /**
     * What the study sweeps and how it measures.
     *
     * @param amplitudes    train amplitudes (V, signed; negative = RESET polarity); 0 is the 0 V control, always run
     * @param widths        pulse widths (s)
     * @param counts        pulses per train
     * @param gap           time between the end of one pulse and the start of the next (s)
     * @param readVolts     read voltage of the traces (V, signed)
     * @param readWidth     duration of one read (s)
     * @param readInterval  read start to read start (s)
     * @param traceReads    reads per trace
     * @param devices       ensemble size
     * @param seed          seed of device 0 (device i: seed + i)
     * @param denoiseRatio  largest (step after / before) ÷ (the 0 V control's) that counts as denoised
     * @param intactConductance    smallest complete-channel conductance after / before that counts as intact
     * @param intactDevices smallest fraction of devices with the channel intact for an amplitude in the window
     */
    public record Sweep(double[] amplitudes, double[] widths, int[] counts, double gap, double readVolts,
                        double readWidth, double readInterval, int traceReads, int devices, long seed,
                        double denoiseRatio, double intactConductance, double intactDevices) {

        /** Refuses a sweep that cannot be measured, naming the option. */
        public Sweep {
            require(amplitudes.length > 0 && Arrays.stream(amplitudes).allMatch(Double::isFinite),
                    "--amplitudes: expected finite voltages");
            require(widths.length > 0 && Arrays.stream(widths).allMatch(w -> w > 0 && Double.isFinite(w)),
                    "--widths: expected positive durations (s)");
            require(counts.length > 0 && Arrays.stream(counts).allMatch(c -> c > 0), "--counts: expected positive counts");
            require(gap >= 0 && Double.isFinite(gap), "--gap: expected a duration ≥ 0 (s)");
            require(readVolts != 0 && Double.isFinite(readVolts), "--read-voltage: expected a non-zero voltage");
            require(readWidth > 0 && Double.isFinite(readWidth), "--read-width: expected a positive duration (s)");
            require(readInterval >= readWidth && Double.isFinite(readInterval), "--read-interval: expected at least the read width");
            require(traceReads >= 2, "--trace-reads: expected at least 2 reads");
            require(devices >= 1, "--devices: expected at least 1 device");
            require(denoiseRatio > 0 && denoiseRatio < 1, "--denoise-ratio: expected a fraction in (0, 1)");
            require(intactConductance > 0 && intactConductance <= 1, "--intact-conductance: expected a fraction in (0, 1]");
            require(intactDevices > 0 && intactDevices <= 1, "--intact-devices: expected a fraction in (0, 1]");
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new InvalidInputException(message);
            }
        }

        /** The trains of the study in report order: per width and count, no train, 0 V, then the amplitudes. */
        public List<Train> trains() {
            double[] sorted = Arrays.stream(amplitudes).filter(a -> a != 0).sorted().distinct().toArray();
            List<Train> out = new ArrayList<>();
            for (double w : widths) {
                for (int c : counts) {
                    out.add(Train.none(w, c));
                    out.add(new Train(0, w, c, true));
                    for (double a : sorted) {
                        out.add(new Train(a, w, c, true));
                    }
                }
            }
            return out;
        }

        /** Jobs of {@link #run}: one per (train, device), plus one calibration per device. */
        public int jobs() {
            return (trains().size() + 1) * devices;
        }
    }

    /**
     * One train: {@code count} pulses of {@code amplitude} and {@code width}, each followed by the
     * sweep's gap; when not {@code applied}, the no-train control: the same time idle.
     */
    public record Train(double amplitude, double width, int count, boolean applied) {

        static Train none(double width, int count) {
            return new Train(0, width, count, false);
        }

        /** The signed amplitude (V), null for the no-train control. */
        public Double amplitudeOrNull() {
            return applied ? amplitude : null;
        }

        /** Applies the train; {@code afterFirst} runs at the end of the first pulse (or idle), before its gap. */
        void apply(ResistiveDevice d, double gap, Runnable afterFirst) {
            for (int k = 0; k < count; k++) {
                if (applied) {
                    d.pulse(amplitude, width);
                } else {
                    d.idle(width);
                }
                if (k == 0) {
                    afterFirst.run();
                }
                if (gap > 0) {
                    d.idle(gap);
                }
            }
        }
    }

    /** The trap census of a device's present map (the seed names the device's traps). */
    @FunctionalInterface
    public interface Census {
        TrapCensus of(long seed, StructuralDevice d);
    }

    /**
     * The ensemble means of one train (S, A) and the fraction of devices with the complete channel intact.
     *
     * @param retained    mean complete-channel conductance after / before
     * @param peakT       mean over devices of the hottest node at the end of the first pulse (K), NaN without a thermal model
     * @param incompleteT mean over devices of the hottest incomplete node ({@link #INCOMPLETE_MIN} ≤ φ &lt; ½) then (K)
     * @param trapsBefore the trap census of each device before the train, null without a {@link Census}
     * @param trapsAfter  the same after the train (and its read trace)
     */
    public record Entry(Train train, double stepBefore, double stepAfter, double sigmaBefore, double sigmaAfter,
                        double gBefore, double gAfter, double intact, double retained, double peakT,
                        double incompleteT, List<TrapCensus> trapsBefore, List<TrapCensus> trapsAfter) {

        /** An entry without a trap census. */
        public Entry(Train train, double stepBefore, double stepAfter, double sigmaBefore, double sigmaAfter,
                     double gBefore, double gAfter, double intact, double retained, double peakT, double incompleteT) {
            this(train, stepBefore, stepAfter, sigmaBefore, sigmaAfter, gBefore, gAfter, intact, retained, peakT,
                    incompleteT, null, null);
        }

        /** Telegraph step after / before. */
        public double stepRatio() {
            return stepAfter / stepBefore;
        }
    }

    /** The denoising window of one train timing: magnitudes [low, high] (V), both NaN when no amplitude qualifies. */
    public record Window(double width, int count, double low, double high) {

        public boolean empty() {
            return Double.isNaN(low);
        }
    }

    /**
     * The device as measured fresh, one trace per voltage of {@link #CALIBRATION_VOLTS} in turn.
     *
     * @param gRead mean conductance at the first voltage (S)
     * @param steps telegraph step at each voltage (A), ensemble mean
     */
    public record Calibration(double gRead, double[] steps) {
    }

    /**
     * Everything the study measured.
     *
     * @param activationEnergy the devices' E_a of ion hopping (eV), NaN without Arrhenius kinetics
     */
    public record Result(List<Entry> entries, List<Window> windows, Calibration calibration, double activationEnergy) {

        /** The window of the first width and count of the sweep (the reference timing). */
        public Window window() {
            return windows.get(0);
        }
    }

    /**
     * Lower end of the incomplete regions whose temperature the study reports: φ ≥ 0.1 (the trap
     * window's lower end, {@link org.hafnia.physics.traps.TrapParameters#DEFAULT}) and φ &lt; ½
     * (the insulating side of the barrier: islands and the outer fringe, not a conducting path).
     */
    static final double INCOMPLETE_MIN = 0.1;

    /** What one device gave for one train. */
    private record Sample(double stepBefore, double stepAfter, double sigmaBefore, double sigmaAfter, double gBefore,
                          double gAfter, double retained, double peakT, double incompleteT, TrapCensus trapsBefore,
                          TrapCensus trapsAfter) {
    }

    /** {@link #run(LongFunction, ConductivityModel, Sweep, int, Runnable, Census)} without a trap census. */
    public static Result run(LongFunction<? extends StructuralDevice> devices, ConductivityModel sigma, Sweep s,
                             int threads, Runnable tick) {
        return run(devices, sigma, s, threads, tick, null);
    }

    /**
     * Runs the study.
     *
     * @param devices makes device {@code seed} fresh (deterministic in the seed)
     * @param sigma   the devices' σ(φ), for the conductance of the complete channel
     * @param tick    called once per finished job (progress), from worker threads
     * @param census  the trap census of a device, or null for none (a case without traps)
     */
    public static Result run(LongFunction<? extends StructuralDevice> devices, ConductivityModel sigma, Sweep s,
                             int threads, Runnable tick, Census census) {
        List<Train> trains = s.trains();
        int n = s.devices();
        Sample[] samples = new Sample[trains.size() * n];
        double[][] calibration = new double[n][];
        List<Runnable> jobs = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            final int dev = d;
            jobs.add(() -> {
                calibration[dev] = calibrate(devices.apply(s.seed() + dev), s);
                tick.run();
            });
        }
        for (int t = 0; t < trains.size(); t++) {
            for (int d = 0; d < n; d++) {
                final int job = t * n + d;
                final Train train = trains.get(t);
                final long seed = s.seed() + d;
                jobs.add(() -> {
                    samples[job] = measure(devices.apply(seed), seed, sigma, train, s, census);
                    tick.run();
                });
            }
        }
        ParallelJobs.run(threads, jobs, "denoising study");
        List<Entry> entries = new ArrayList<>();
        for (int t = 0; t < trains.size(); t++) {
            entries.add(aggregate(trains.get(t), Arrays.copyOfRange(samples, t * n, (t + 1) * n), s.intactConductance()));
        }
        return new Result(entries, windows(entries, s), calibrationMean(calibration),
                devices.apply(s.seed()).activationEnergy());
    }

    private static double[] calibrate(StructuralDevice d, Sweep s) {
        double[] out = new double[1 + CALIBRATION_VOLTS.length];
        for (int k = 0; k < CALIBRATION_VOLTS.length; k++) {
            ReadTrace trace = ReadTrace.measure(d, CALIBRATION_VOLTS[k], s.readWidth(), s.readInterval(), s.traceReads());
            if (k == 0) {
                out[0] = trace.conductance();
            }
            out[1 + k] = trace.step();
        }
        return out;
    }

    private static Calibration calibrationMean(double[][] perDevice) {
        double[] mean = new double[perDevice[0].length];
        for (double[] d : perDevice) {
            for (int k = 0; k < mean.length; k++) {
                mean[k] += d[k] / perDevice.length;
            }
        }
        return new Calibration(mean[0], Arrays.copyOfRange(mean, 1, mean.length));
    }

    private static Sample measure(StructuralDevice d, long seed, ConductivityModel sigma, Train train, Sweep s,
                                  Census census) {
        double[][] phiBefore = new double[1][];
        TrapCensus[] trapsBefore = new TrapCensus[1];
        double[] heated = new double[] {Double.NaN, Double.NaN};
        Traces t = traced(d, train, s.gap(), s.readVolts(), s.readWidth(), s.readInterval(), s.traceReads(), () -> {
            phiBefore[0] = d.phi();
            trapsBefore[0] = census == null ? null : census.of(seed, d);
        }, () -> hottest(d, heated));
        return new Sample(t.before().step(), t.after().step(), t.before().sigma(), t.after().sigma(),
                t.before().conductance(), t.after().conductance(),
                CompleteChannel.retained(d.grid(), phiBefore[0], d.phi(), sigma), heated[0], heated[1], trapsBefore[0],
                census == null ? null : census.of(seed, d));
    }

    /** The read traces before and after one train on one device. */
    public record Traces(ReadTrace before, ReadTrace after) {
    }

    /**
     * The study's measurement of one train on one device, fresh from its seed: a trace of
     * {@code reads} reads at {@code volts} ({@link ReadTrace}), the train (each pulse followed by
     * {@code gap}), the same trace again. The characterisation of {@code hafnia extract} takes its
     * denoising figures from this measurement.
     */
    public static Traces traced(StructuralDevice d, Train train, double gap, double volts, double width,
                                double interval, int reads) {
        return traced(d, train, gap, volts, width, interval, reads, () -> { }, () -> { });
    }

    private static Traces traced(StructuralDevice d, Train train, double gap, double volts, double width,
                                 double interval, int reads, Runnable beforeTrain, Runnable afterFirst) {
        ReadTrace before = ReadTrace.measure(d, volts, width, interval, reads);
        beforeTrain.run();
        train.apply(d, gap, afterFirst);
        ReadTrace after = ReadTrace.measure(d, volts, width, interval, reads);
        return new Traces(before, after);
    }

    /** The hottest node and the hottest incomplete node of {@code d} now (K), into {@code out}. */
    private static void hottest(StructuralDevice d, double[] out) {
        double[] t = d.temperature();
        if (t == null) {
            return;
        }
        double[] phi = d.phi();
        double peak = Double.NEGATIVE_INFINITY;
        double incomplete = Double.NaN;
        for (int k = 0; k < t.length; k++) {
            peak = Math.max(peak, t[k]);
            if (phi[k] >= INCOMPLETE_MIN && phi[k] < 0.5 && !(t[k] <= incomplete)) {
                incomplete = t[k];
            }
        }
        out[0] = peak;
        out[1] = incomplete;
    }

    private static Entry aggregate(Train train, Sample[] samples, double intactConductance) {
        double[] m = new double[9];
        int intact = 0;
        for (Sample x : samples) {
            double[] v = {x.stepBefore(), x.stepAfter(), x.sigmaBefore(), x.sigmaAfter(), x.gBefore(), x.gAfter(),
                Math.min(x.retained(), Double.MAX_VALUE), x.peakT(), x.incompleteT()};
            for (int k = 0; k < m.length; k++) {
                m[k] += v[k] / samples.length;
            }
            intact += x.retained() >= intactConductance ? 1 : 0;
        }
        boolean traps = samples[0].trapsBefore() != null;
        return new Entry(train, m[0], m[1], m[2], m[3], m[4], m[5], (double) intact / samples.length, m[6], m[7], m[8],
                traps ? Arrays.stream(samples).map(Sample::trapsBefore).toList() : null,
                traps ? Arrays.stream(samples).map(Sample::trapsAfter).toList() : null);
    }

    /** The window of every width and count of the sweep, in the order of {@link Sweep#trains()}. */
    static List<Window> windows(List<Entry> entries, Sweep s) {
        List<Window> out = new ArrayList<>();
        for (double w : s.widths()) {
            for (int c : s.counts()) {
                List<Entry> timing = entries.stream()
                        .filter(e -> e.train().width() == w && e.train().count() == c).toList();
                double control = timing.stream().filter(e -> e.train().applied() && e.train().amplitude() == 0)
                        .findFirst().orElseThrow().stepRatio();
                double low = Double.NaN;
                double high = Double.NaN;
                List<Entry> reset = timing.stream().filter(e -> e.train().applied() && e.train().amplitude() < 0)
                        .sorted((a, b) -> Double.compare(-a.train().amplitude(), -b.train().amplitude())).toList();
                for (Entry e : reset) {
                    boolean ok = e.stepRatio() <= s.denoiseRatio() * control && e.intact() >= s.intactDevices();
                    if (ok) {
                        low = Double.isNaN(low) ? -e.train().amplitude() : low;
                        high = -e.train().amplitude();
                    } else if (!Double.isNaN(low)) {
                        break;
                    }
                }
                out.add(new Window(w, c, low, high));
            }
        }
        return out;
    }
}
