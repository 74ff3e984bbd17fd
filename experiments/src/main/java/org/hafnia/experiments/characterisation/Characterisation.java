package org.hafnia.experiments.characterisation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.LongFunction;
import java.util.function.ObjIntConsumer;

import org.hafnia.experiments.ParallelJobs;
import org.hafnia.experiments.denoise.DenoiseStudy;
import org.hafnia.physics.compact.ResistiveDevice;
import org.hafnia.physics.compact.StructuralDevice;
import org.hafnia.postprocess.extraction.CharacterisationData;
import org.hafnia.postprocess.extraction.CharacterisationData.DenoisingTrain;
import org.hafnia.postprocess.extraction.CharacterisationData.Device;
import org.hafnia.postprocess.extraction.CharacterisationData.Protocol;
import org.hafnia.postprocess.extraction.CharacterisationData.ReadTrace;

/**
 * Runs the characterisation protocol on an ensemble of devices, one task per device on a fixed
 * thread pool. Device i is built from seed {@code seed + i}, so the result does not depend on the
 * thread count. Per device:
 * <ol>
 * <li>{@code cycles} × (potentiation train, depression train) of {@code trainPulses} pulses,
 * starting from a full RESET, reading {@code settle} after every pulse;</li>
 * <li>for each level (SET pulse counts {@link #LEVEL_FRACTIONS} × trainPulses from a full RESET):
 * a read-only trace ({@link org.hafnia.experiments.denoise.ReadTrace}, the one read trace of the project);</li>
 * <li>retention: half a train of SET pulses from RESET, then the mean of {@code driftReads}
 * reads at each of {@code driftTimes} after the last pulse;</li>
 * <li>amplitude sweep at mid range: SET/RESET pulse pairs at each amplitude, ΔG of each;</li>
 * <li>with {@link #runWithDenoising}: the denoising measurement of {@code hafnia denoise}
 * ({@link DenoiseStudy#traced}) on the device fresh from its seed, for the case's denoising train
 * of D = {@code denoisePulses} pulses and of D/4, each paired with the same pulses at 0 V on the
 * device fresh again.</li>
 * </ol>
 */
public final class Characterisation {

    /** Programmed levels of the read traces, as fractions of the train length. */
    static final double[] LEVEL_FRACTIONS = {0.35, 0.5, 0.65, 0.8};

    private Characterisation() {
    }

    /**
     * The protocol without the denoising measurement (a device that is not simulated from its
     * structure: {@link Device#denoising()} is empty).
     *
     * @param protocol the protocol
     * @param devices  a device for each seed
     * @param count    ensemble size
     * @param seed     seed of device 0
     * @param threads  worker threads
     * @param progress called with the device index when a device is done (any thread)
     */
    public static CharacterisationData run(Protocol protocol, LongFunction<? extends ResistiveDevice> devices,
                                           int count, long seed, int threads, IntConsumer progress) {
        return run(protocol, devices, null, 0, count, seed, threads, progress);
    }

    /**
     * The protocol and the denoising measurement of {@code hafnia denoise} on each device.
     *
     * @param readVolts the signed read voltage of the traces (V)
     */
    public static CharacterisationData runWithDenoising(Protocol protocol, LongFunction<? extends StructuralDevice> devices,
                                                        double readVolts, int count, long seed, int threads,
                                                        IntConsumer progress) {
        return run(protocol, devices, devices, readVolts, count, seed, threads, progress);
    }

    private static CharacterisationData run(Protocol protocol, LongFunction<? extends ResistiveDevice> devices,
                                            LongFunction<? extends StructuralDevice> denoising, double readVolts,
                                            int count, long seed, int threads, IntConsumer progress) {
        Device[] out = new Device[count];
        List<Runnable> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            final long deviceSeed = seed + i;
            final int index = i;
            jobs.add(() -> {
                Device d = measure(devices.apply(deviceSeed), protocol);
                if (denoising != null) {
                    d = withDenoising(d, denoising, deviceSeed, protocol, readVolts);
                }
                out[index] = d;
                progress.accept(index);
            });
        }
        ParallelJobs.run(threads, jobs, "characterisation");
        return new CharacterisationData(protocol, List.of(out));
    }

    /**
     * {@code d} with the denoising measurement of device {@code seed}: for D/4 and D pulses of the
     * protocol's denoising amplitude and width (gap: one width, as {@code hafnia denoise}), the
     * train and its 0 V control, each on the device fresh from its seed.
     */
    private static Device withDenoising(Device d, LongFunction<? extends StructuralDevice> devices, long seed,
                                        Protocol p, double readVolts) {
        List<DenoisingTrain> trains = new ArrayList<>();
        for (int pulses : new int[] {p.denoisePulses() / 4, p.denoisePulses()}) {
            DenoiseStudy.Traces train = DenoiseStudy.traced(devices.apply(seed),
                    new DenoiseStudy.Train(p.vDenoise(), p.denoiseWidth(), pulses, true), p.denoiseWidth(), readVolts,
                    p.readWidth(), p.traceInterval(), p.traceReads());
            DenoiseStudy.Traces control = DenoiseStudy.traced(devices.apply(seed),
                    new DenoiseStudy.Train(0, p.denoiseWidth(), pulses, true), p.denoiseWidth(), readVolts,
                    p.readWidth(), p.traceInterval(), p.traceReads());
            trains.add(new DenoisingTrain(pulses, train.before().conductances(), train.after().conductances(),
                    control.before().conductances(), control.after().conductances()));
        }
        return new Device(d.potentiation(), d.depression(), d.traces(), d.drift(), d.sweepSet(), d.sweepReset(),
                List.copyOf(trains));
    }

    /**
     * Steps 1–2 of the protocol.
     *
     * @param up     potentiation trains, per cycle: the read before the first pulse and after each
     * @param down   depression trains, the same
     * @param traces the read trace of each programmed level
     */
    public record Levels(double[][] up, double[][] down, List<ReadTrace> traces) {
    }

    /** The programmed levels' SET pulse counts as fractions of {@code trainPulses}. */
    public static double[] levelFractions() {
        return LEVEL_FRACTIONS.clone();
    }

    /**
     * Steps 1–2 of the protocol on one device — the cycles, then each programmed level and its
     * read trace — handing the device to {@code atLevel} at each level just before its trace (level
     * index into {@link #levelFractions()}); the observer must not drive the device.
     */
    public static Levels levels(ResistiveDevice dev, Protocol p, ObjIntConsumer<ResistiveDevice> atLevel) {
        int n = p.trainPulses();
        reset(dev, p);
        double[][] up = new double[p.cycles()][];
        double[][] down = new double[p.cycles()][];
        for (int c = 0; c < p.cycles(); c++) {
            up[c] = train(dev, p, p.vSet());
            down[c] = train(dev, p, p.vReset());
        }
        List<ReadTrace> traces = new ArrayList<>();
        for (int level = 0; level < LEVEL_FRACTIONS.length; level++) {
            reset(dev, p);
            pulses(dev, p.vSet(), p.pulseWidth(), (int) Math.round(LEVEL_FRACTIONS[level] * n));
            atLevel.accept(dev, level);
            traces.add(new ReadTrace(level,
                    org.hafnia.experiments.denoise.ReadTrace.conductances(dev, p.readWidth(), p.traceInterval(), p.traceReads())));
        }
        return new Levels(up, down, List.copyOf(traces));
    }

    /** The whole protocol on one device. */
    public static Device measure(ResistiveDevice dev, Protocol p) {
        Levels l = levels(dev, p, (d, level) -> { });
        int n = p.trainPulses();
        reset(dev, p);
        pulses(dev, p.vSet(), p.pulseWidth(), n / 2);
        double programmed = dev.time();
        double[] drift = new double[p.driftTimes().length];
        for (int i = 0; i < drift.length; i++) {
            dev.idle(Math.max(0, programmed + p.driftTimes()[i] - dev.time()));
            double s = 0;
            for (int r = 0; r < p.driftReads(); r++) {
                s += dev.read();
            }
            drift[i] = s / p.driftReads();
        }
        reset(dev, p);
        pulses(dev, p.vSet(), p.pulseWidth(), n / 2);
        double[] amps = p.sweepAmplitudes();
        double[] set = new double[amps.length];
        double[] rst = new double[amps.length];
        for (int i = 0; i < amps.length; i++) {
            for (int r = 0; r < p.sweepRepeats(); r++) {
                double g0 = settledRead(dev, p);
                dev.pulse(amps[i], p.pulseWidth());
                double g1 = settledRead(dev, p);
                dev.pulse(-amps[i], p.pulseWidth());
                double g2 = settledRead(dev, p);
                set[i] += (g1 - g0) / p.sweepRepeats();
                rst[i] += (g2 - g1) / p.sweepRepeats();
            }
        }
        return new Device(l.up(), l.down(), l.traces(), drift, set, rst, List.of());
    }

    private static void reset(ResistiveDevice dev, Protocol p) {
        pulses(dev, p.vReset(), p.pulseWidth(), p.trainPulses());
    }

    private static void pulses(ResistiveDevice dev, double v, double width, int count) {
        for (int k = 0; k < count; k++) {
            dev.pulse(v, width);
        }
    }

    private static double settledRead(ResistiveDevice dev, Protocol p) {
        dev.idle(p.settle());
        return dev.read();
    }

    private static double[] train(ResistiveDevice dev, Protocol p, double v) {
        double[] g = new double[p.trainPulses() + 1];
        g[0] = settledRead(dev, p);
        for (int k = 1; k <= p.trainPulses(); k++) {
            dev.pulse(v, p.pulseWidth());
            g[k] = settledRead(dev, p);
        }
        return g;
    }
}
