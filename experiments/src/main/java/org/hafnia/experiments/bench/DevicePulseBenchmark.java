package org.hafnia.experiments.bench;

import org.hafnia.experiments.device.DeviceCaseFile;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.compact.ResistiveDevice;
import org.hafnia.postprocess.extraction.CharacterisationData;

/**
 * Cost of one programming pulse plus read of the default device case through the
 * {@link ResistiveDevice} seam, everything included: D devices are made ({@link #device}), then
 * each takes P times a SET pulse (the case's V_set and pulse width), the settle time without bias
 * and one read. Devices are split into one contiguous band per thread and run independently.
 *
 * <p>Reported: wall time per device-pulse (making the device included, amortised over its
 * pulses), and the breakdown in thread time per device-pulse, as far as the seam shows it: the
 * pulse (phase field under bias), the settle (phase field without bias), the read (conductance
 * and read noise of the device), the making of the device. The projection is the wall time of
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
     */
    public record Result(String device, int devices, int pulses, int threads, double wallMicros, double pulseMicros,
                         double settleMicros, double readMicros, double makeMicros, double projectedHours,
                         double checksum) {
    }

    private DevicePulseBenchmark() {
    }

    /**
     * The device under test: the default device of today's characterisation. The one physical device model of the default case file.
     */
    static ResistiveDevice device(long seed) {
        return CASE.create(seed);
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
        long[][] nanos = new long[threads][4];
        double[] sums = new double[devices];
        Thread[] workers = new Thread[threads];
        RuntimeException[] failure = new RuntimeException[1];
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int band = t;
            workers[t] = new Thread(() -> {
                long[] n = nanos[band];
                for (int d = (int) ((long) band * devices / threads); d < (long) (band + 1) * devices / threads; d++) {
                    long a = System.nanoTime();
                    ResistiveDevice dev = device(seed + d);
                    long b = System.nanoTime();
                    n[3] += b - a;
                    double sum = 0;
                    for (int k = 0; k < pulses; k++) {
                        a = System.nanoTime();
                        dev.pulse(p.vSet(), p.pulseWidth());
                        b = System.nanoTime();
                        dev.idle(p.settle());
                        long c = System.nanoTime();
                        sum += dev.read();
                        long e = System.nanoTime();
                        n[0] += b - a;
                        n[1] += c - b;
                        n[2] += e - c;
                    }
                    sums[d] = sum;
                }
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
        long[] total = new long[4];
        double checksum = 0;
        for (int t = 0; t < threads; t++) {
            for (int k = 0; k < 4; k++) {
                total[k] += nanos[t][k];
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
        return new Result(deviceName(), devices, pulses, threads, wall / count * 1e6, total[0] * 1e-3 / count,
                total[1] * 1e-3 / count, total[2] * 1e-3 / count, total[3] * 1e-3 / count, projected, checksum);
    }
}
