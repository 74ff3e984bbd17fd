package org.hafnia.experiments.programming;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hafnia.physics.compact.CompactDevice;
import org.hafnia.physics.compact.CompactDeviceParameters;
import org.hafnia.postprocess.extraction.DistinguishableLevels;

/**
 * Programs an array of compact devices (one seed each, so the result does not depend on the
 * thread count) with one scheme and measures the figures of merit of programming.md. The target
 * window is [Gmin + 10 %, Gmax − 10 %] of the extracted range (the programmable window, away from
 * the saturated ends); the verify tolerance is a quarter of the level spacing; each device is read
 * once {@value #DELAY} s after it was programmed (read noise, RTN and drift included).
 */
public final class CrossbarProgramming {

    /** Delay between programming and the evaluation read (s). */
    public static final double DELAY = 10;
    /** Pulse budget of one write-verify. */
    public static final int MAX_PULSES = 100;

    private CrossbarProgramming() {
    }

    /**
     * The programmed array.
     *
     * @param targets  target of each device (S)
     * @param reads    evaluation read of each device (S)
     * @param pulses   pulses spent on each device
     * @param energy   energy spent on each device (J)
     * @param time     programming time of each device: its pulses, reads and waits (s)
     * @param failures devices whose closed loop ended outside the window
     */
    public record Outcome(double[] targets, double[] reads, int[] pulses, double[] energy, double[] time,
                          int failures) {
    }

    /** Figures of merit of an {@link Outcome} programmed to {@code levels} evenly spaced levels. */
    public record Merit(double rmsePercent, int levelsDistinguishable, double sigmaMean, double pulsesMean,
                        int pulsesMax, double energyMean, double timeMean, int failures) {
    }

    /** The programmable window {G_low, G_high} (S). */
    public static double[] window(CompactDeviceParameters p) {
        double range = p.gMax() - p.gMin();
        return new double[] {p.gMin() + 0.1 * range, p.gMax() - 0.1 * range};
    }

    /** N levels evenly spaced over the window (S). */
    public static double[] levels(CompactDeviceParameters p, int n) {
        double[] w = window(p);
        double[] g = new double[n];
        for (int k = 0; k < n; k++) {
            g[k] = n == 1 ? 0.5 * (w[0] + w[1]) : w[0] + (w[1] - w[0]) * k / (n - 1);
        }
        return g;
    }

    /** Programs device i of the array to {@code targets[i]}. */
    public static Outcome program(ProgrammingScheme scheme, CompactDeviceParameters p, double[] targets,
                                  double spacing, long seed, int threads) {
        ProgrammingScheme.Settings settings = new ProgrammingScheme.Settings(p, spacing / 4, spacing, MAX_PULSES);
        int n = targets.length;
        double[] reads = new double[n];
        int[] pulses = new int[n];
        double[] energy = new double[n];
        double[] time = new double[n];
        boolean[] ok = new boolean[n];
        int chunk = Math.max(1, n / (4 * Math.max(1, threads)));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int start = 0; start < n; start += chunk) {
                final int from = start;
                final int to = Math.min(n, start + chunk);
                jobs.add(pool.submit(() -> {
                    for (int i = from; i < to; i++) {
                        MeteredDevice d = new MeteredDevice(new CompactDevice(p, seed * 1_000_003L + i));
                        ok[i] = scheme.program(d, targets[i], settings);
                        pulses[i] = d.pulses();
                        energy[i] = d.energy();
                        time[i] = d.time();
                        d.idle(DELAY);
                        reads[i] = d.device().read();
                    }
                }));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("programming interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        int failures = 0;
        for (boolean b : ok) {
            failures += b ? 0 : 1;
        }
        return new Outcome(targets, reads, pulses, energy, time, failures);
    }

    /** RMSE % of the window, distinguishable levels from the per-level read spread, and cost. */
    public static Merit merit(Outcome o, double[] levelTargets, double[] window) {
        int nl = levelTargets.length;
        double[] sum = new double[nl];
        double[] sumSq = new double[nl];
        int[] count = new int[nl];
        double se = 0;
        long pulseSum = 0;
        int pulseMax = 0;
        double energy = 0;
        double time = 0;
        for (int i = 0; i < o.targets().length; i++) {
            int k = nearest(levelTargets, o.targets()[i]);
            double e = o.reads()[i] - o.targets()[i];
            se += e * e;
            sum[k] += o.reads()[i];
            sumSq[k] += o.reads()[i] * o.reads()[i];
            count[k]++;
            pulseSum += o.pulses()[i];
            pulseMax = Math.max(pulseMax, o.pulses()[i]);
            energy += o.energy()[i];
            time += o.time()[i];
        }
        int n = o.targets().length;
        double[] sigma = new double[nl];
        double sigmaMean = 0;
        for (int k = 0; k < nl; k++) {
            double m = sum[k] / Math.max(1, count[k]);
            sigma[k] = count[k] > 1 ? Math.sqrt(Math.max(0, (sumSq[k] - count[k] * m * m) / (count[k] - 1))) : 0;
            sigmaMean += sigma[k] / nl;
        }
        double floor = Math.max(sigmaMean * 1e-3, 1e-15);
        int distinguishable = DistinguishableLevels.count(window[0], window[1],
                g -> Math.max(floor, interpolate(levelTargets, sigma, g)));
        return new Merit(100 * Math.sqrt(se / n) / (window[1] - window[0]), distinguishable, sigmaMean,
                (double) pulseSum / n, pulseMax, energy / n, time / n, o.failures());
    }

    private static int nearest(double[] levels, double g) {
        int best = 0;
        for (int k = 1; k < levels.length; k++) {
            if (Math.abs(levels[k] - g) < Math.abs(levels[best] - g)) {
                best = k;
            }
        }
        return best;
    }

    private static double interpolate(double[] x, double[] y, double at) {
        if (x.length == 1 || at <= x[0]) {
            return y[0];
        }
        for (int k = 1; k < x.length; k++) {
            if (at <= x[k]) {
                double f = (at - x[k - 1]) / (x[k] - x[k - 1]);
                return y[k - 1] * (1 - f) + y[k] * f;
            }
        }
        return y[x.length - 1];
    }
}
