package org.hafnia.experiments.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.hafnia.experiments.device.DeviceCaseFile;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.compact.ResistiveDevice;
import org.hafnia.postprocess.extraction.CharacterisationData;
import org.hafnia.solver.device.FilmDevice;
import org.hafnia.solver.device.FilmDeviceWork;

/**
 * Cost of one programming pulse plus read of the default device case through the
 * {@link ResistiveDevice} seam, everything included: D devices are made ({@link #device}), then
 * each takes P times a SET pulse (the case's V_set and pulse width), the settle time without bias
 * and one read. Devices are split into one contiguous band per thread and run independently.
 *
 * <p>Reported: wall time per device-pulse (making the device included, amortised over its
 * pulses), and the breakdown in thread time per device-pulse, as far as the seam shows it: the
 * pulse (phase field under bias), the settle (phase field without bias), the read (conductance
 * and read noise of the device), the making of the device; and, from the device's own
 * {@link FilmDeviceWork} (timed), the thread time of its stages over pulse, settle and read together
 * (heat model, Allen–Cahn trial steps, conductance, traps; the rest is the segment logic, the read
 * noise and the clock) and, per phase, the accepted steps, trial steps and halvings (rejected trials)
 * per device-pulse. The projection is the wall time of
 * 65 536 devices × 200 pulses from the measured thread times: each device made once and pulsed
 * 200 times, the work shared evenly by the threads.
 */
public final class DevicePulseBenchmark {

    /** The case label of {@code hafnia bench}. */
    public static final String LABEL = "device-pulse";
    /** Devices and pulses of the projection: a 256 × 256 array, ≈ 200 programming pulses each. */
    public static final int ARRAY_DEVICES = 65_536;
    public static final int ARRAY_PULSES = 200;
    /** Seed of device 0; device d has seed + d. */
    public static final long SEED = 20230315L;

    private static final DeviceCaseFile CASE = DeviceCaseFile.defaultCase();

    /**
     * The outcome, times in microseconds per device-pulse.
     *
     * @param wallMicros      wall time per device-pulse, everything included
     * @param pulseMicros     thread time in {@code pulse}
     * @param settleMicros    thread time in {@code idle} (settle)
     * @param readMicros      thread time in {@code read}
     * @param makeMicros      thread time making the devices, per device-pulse
     * @param projectedHours  wall time of {@link #ARRAY_DEVICES} × {@link #ARRAY_PULSES} on {@code threads} threads
     * @param checksum        Σ of all reads (S): depends on the device model and seeds only
     * @param cpuMicros       thread CPU time per device-pulse, everything included (making amortised)
     * @param projectedCpuHours {@code projectedHours} from thread CPU time: the threads on idle cores
     * @param stages          thread time per device-pulse by stage, pulse, settle and read together
     * @param pulse           the integration's work per device-pulse in the pulse
     * @param settle          the same in the settle
     * @param read            the same in the read
     */
    public record Result(String device, int devices, int pulses, int threads, double wallMicros, double pulseMicros,
                         double settleMicros, double readMicros, double makeMicros, double projectedHours,
                         double checksum, double cpuMicros, double projectedCpuHours, Stages stages, Phase pulse,
                         Phase settle, Phase read) {
    }

    /**
     * Thread time per device-pulse of the device's stages, µs.
     *
     * @param heatMicros        the heat model ({@code FilmHeat} save, advance, restore)
     * @param kineticsMicros    the Allen–Cahn trial steps (Arrhenius mobility and drive per node included)
     * @param conductanceMicros σ(φ) and G_f after each accepted step
     * @param trapMicros        the telegraph-noise traps
     * @param otherMicros       the rest of pulse + settle + read (segment logic, read noise, clock reads)
     */
    public record Stages(double heatMicros, double kineticsMicros, double conductanceMicros, double trapMicros,
                         double otherMicros) {
    }

    /**
     * Work of the integration per device-pulse in one phase (pulse, settle or read).
     *
     * @param steps        accepted steps
     * @param trials       trial steps (accepted, rejected, and the one-step tries of quiet segments)
     * @param halvings     rejected trials, each followed by a trial at half the step
     * @param heatAdvances advances of the heat model
     */
    public record Phase(double steps, double trials, double halvings, double heatAdvances) {
    }

    private DevicePulseBenchmark() {
    }

    /**
     * The device under test: the default device of today's characterisation. The one physical device model of the default case file.
     */
    static FilmDevice device(long seed) {
        return CASE.device(seed);
    }

    /** Name of the device model, for the report. */
    static String deviceName() {
        return "FilmDevice (" + CASE.name() + ", " + CASE.model().grid().nx() + "×" + CASE.model().grid().ny() + ")";
    }

    /** Warms up on the same run (other seeds), then times the run. */
    public static Result run(int devices, int pulses, int threads) {
        if (devices < 1 || pulses < 1 || threads < 1) {
            throw new InvalidInputException("--devices, --steps (pulses) and --threads must be ≥ 1, got "
                    + devices + ", " + pulses + ", " + threads);
        }
        measure(devices, pulses, threads, SEED + devices);
        return measure(devices, pulses, threads, SEED);
    }

    private static Result measure(int devices, int pulses, int threads, long seed) {
        CharacterisationData.Protocol p = CASE.protocol();
        long[][] nanos = new long[threads][6];
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        // Per thread: {steps, trials, halvings, heat advances} of pulse, settle, read; then heat, kinetics, conductance, trap ns.
        long[][] work = new long[threads][16];
        double[] sums = new double[devices];
        Thread[] workers = new Thread[threads];
        RuntimeException[] failure = new RuntimeException[1];
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int band = t;
            workers[t] = new Thread(() -> {
                long[] n = nanos[band];
                long[] w = work[band];
                long cpu0 = cpu.getCurrentThreadCpuTime();
                for (int d = (int) ((long) band * devices / threads); d < (long) (band + 1) * devices / threads; d++) {
                    long m0 = cpu.getCurrentThreadCpuTime();
                    long a = System.nanoTime();
                    FilmDevice film = device(seed + d);
                    ResistiveDevice dev = film;
                    long b = System.nanoTime();
                    n[3] += b - a;
                    n[5] += cpu.getCurrentThreadCpuTime() - m0;
                    FilmDeviceWork fw = film.work();
                    fw.timeStages(true);
                    long[] last = new long[8];
                    tally(fw, last, w, -1);
                    double sum = 0;
                    for (int k = 0; k < pulses; k++) {
                        a = System.nanoTime();
                        dev.pulse(p.vSet(), p.pulseWidth());
                        b = System.nanoTime();
                        tally(fw, last, w, 0);
                        dev.idle(p.settle());
                        long c = System.nanoTime();
                        tally(fw, last, w, 4);
                        sum += dev.read();
                        long e = System.nanoTime();
                        tally(fw, last, w, 8);
                        n[0] += b - a;
                        n[1] += c - b;
                        n[2] += e - c;
                    }
                    sums[d] = sum;
                }
                n[4] = cpu.getCurrentThreadCpuTime() - cpu0;
            }, "hafnia-bench-device-" + t);
            workers[t].setUncaughtExceptionHandler((th, e) -> {
                synchronized (failure) {
                    failure[0] = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                }
            });
            workers[t].start();
        }
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("device-pulse benchmark interrupted", e);
            }
        }
        double wall = (System.nanoTime() - t0) * 1e-9;
        synchronized (failure) {
            if (failure[0] != null) {
                throw failure[0];
            }
        }
        long[] total = new long[6];
        long[] w = new long[16];
        double checksum = 0;
        for (int t = 0; t < threads; t++) {
            for (int k = 0; k < 6; k++) {
                total[k] += nanos[t][k];
            }
            for (int k = 0; k < 16; k++) {
                w[k] += work[t][k];
            }
        }
        for (double v : sums) {
            checksum += v;
        }
        double count = (double) devices * pulses;
        // The projection: each device made once and pulsed ARRAY_PULSES times, in thread time shared by the threads.
        double makePerDevice = total[3] * 1e-9 / devices;
        double perPulse = (total[0] + total[1] + total[2]) * 1e-9 / count;
        double projected = (double) ARRAY_DEVICES * (makePerDevice + ARRAY_PULSES * perPulse) / threads / 3600;
        // The same from thread CPU time, which a loaded machine does not inflate: what the threads would take on idle cores.
        double cpuMakePerDevice = total[5] * 1e-9 / devices;
        double cpuPerPulse = (total[4] - total[5]) * 1e-9 / count;
        double projectedCpu = (double) ARRAY_DEVICES * (cpuMakePerDevice + ARRAY_PULSES * cpuPerPulse) / threads / 3600;
        double staged = (w[12] + w[13] + w[14] + w[15]) * 1e-3 / count;
        Stages stages = new Stages(w[12] * 1e-3 / count, w[13] * 1e-3 / count, w[14] * 1e-3 / count,
                w[15] * 1e-3 / count, (total[0] + total[1] + total[2]) * 1e-3 / count - staged);
        return new Result(deviceName(), devices, pulses, threads, wall / count * 1e6, total[0] * 1e-3 / count,
                total[1] * 1e-3 / count, total[2] * 1e-3 / count, total[3] * 1e-3 / count, projected, checksum,
                total[4] * 1e-3 / count, projectedCpu, stages, phase(w, 0, count), phase(w, 4, count), phase(w, 8, count));
    }

    private static Phase phase(long[] w, int at, double count) {
        return new Phase(w[at] / count, w[at + 1] / count, w[at + 2] / count, w[at + 3] / count);
    }

    /**
     * Adds the growth of the device's counters since {@code last} to the phase's slots
     * {@code w[at..at+3]} (steps, trials, halvings, heat advances) and of its stage times to
     * {@code w[12..15]}, and keeps the counters in {@code last}; {@code at < 0} only keeps them.
     */
    private static void tally(FilmDeviceWork fw, long[] last, long[] w, int at) {
        long[] now = {fw.steps(), fw.trials(), fw.halvings(), fw.heatAdvances(),
            fw.heatNanos(), fw.kineticsNanos(), fw.conductanceNanos(), fw.trapNanos()};
        for (int k = 0; k < 8; k++) {
            if (at >= 0) {
                w[k < 4 ? at + k : 8 + k] += now[k] - last[k];
            }
            last[k] = now[k];
        }
    }
}
