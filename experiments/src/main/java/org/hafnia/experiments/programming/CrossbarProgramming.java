package org.hafnia.experiments.programming;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hafnia.physics.compact.CompactDeviceParameters;
import org.hafnia.postprocess.extraction.DistinguishableLevels;

/**
 * Programs an array of devices of a {@link DevicePopulation} (one seed each, so the result does
 * not depend on the thread count) with one scheme and measures the figures of merit of programming.md. The target
 * window is [Gmin + 10 %, Gmax − 10 %] of the extracted range (the programmable window, away from
 * the saturated ends); the verify tolerance is a quarter of the level spacing; each device is read
 * once {@value #DELAY} s after it was programmed (read noise, RTN and drift included).
 *
 * <p>Error budget (what limits the RMSE, measured): after the evaluation read each device is read
 * {@value #BUDGET_READS} more times, {@value #BUDGET_SPACING} × the model's longest telegraph lifetime
 * apart (so that RTN is sampled, not frozen). The spread of those reads is the read noise σ_r of the
 * device; their mean, less the σ_r²/K it still carries, is the programmed state. The mean squared
 * error then splits as E[(G_read − G_t)²] = σ_r² + E[(G_state − G_t)²]: read noise against
 * programming (the scheme's resolution, the device's write variation and the drift over the delay).
 * Those reads come after the evaluation read and change none of the figures of merit.
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
     * @param failures          devices whose closed loop ended outside the window
     * @param amplitudes        {smallest, largest} |V| the scheme applied to the array (V)
     * @param unreachable       the distinct targets the scheme could not reach (S), increasing
     * @param calibrationPulses pulses spent on reference devices to calibrate the scheme
     * @param widths            {shortest, longest} pulse width the scheme applied (s); {0, 0} when not recorded
     * @param state             each device's programmed state: the mean of its budget reads (S); null when not measured
     * @param readVariance      each device's read variance over the budget reads (S²); null when not measured
     * @param converged         whether each device's scheme ended converged; null when not recorded
     */
    public record Outcome(double[] targets, double[] reads, int[] pulses, double[] energy, double[] time,
                          int failures, double[] amplitudes, double[] unreachable, int calibrationPulses,
                          double[] widths, double[] state, double[] readVariance, boolean[] converged) {

        /** An outcome without widths or error budget (arrays not programmed by {@link #program}). */
        public Outcome(double[] targets, double[] reads, int[] pulses, double[] energy, double[] time, int failures,
                       double[] amplitudes, double[] unreachable, int calibrationPulses) {
            this(targets, reads, pulses, energy, time, failures, amplitudes, unreachable, calibrationPulses,
                    new double[2], null, null, null);
        }
    }

    /**
     * Figures of merit of an {@link Outcome} programmed to {@code levels} evenly spaced levels.
     * The error budget (NaN when the outcome has none) is in % of the window like the RMSE:
     * {@code rmseReadPercent} = √E[σ_r²], {@code rmseStatePercent} = √E[(G_state − G_t)²], and
     * {@code rmseUnconvergedPercent} the part of the RMSE from devices whose scheme did not converge
     * (failed or unreachable): √(Σ_unconverged e² / N), and {@code stateBiasPercent} the mean signed
     * state error E[G_state − G_t] (its systematic part: state² = bias² + spread²).
     */
    public record Merit(double rmsePercent, int levelsDistinguishable, double sigmaMean, double pulsesMean,
                        int pulsesMax, double energyMean, double timeMean, int failures, double rmseReadPercent,
                        double rmseStatePercent, double rmseUnconvergedPercent, double stateBiasPercent) {
    }

    /** Budget reads per device after the evaluation read. */
    public static final int BUDGET_READS = 16;
    /** Spacing of the budget reads in units of the longest telegraph lifetime. */
    public static final double BUDGET_SPACING = 5;

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

    /** Programs device i of an array of compact devices of {@code p} to {@code targets[i]}. */
    public static Outcome program(ProgrammingScheme scheme, CompactDeviceParameters p, double[] targets,
                                  double spacing, long seed, int threads) {
        return program(scheme, DevicePopulation.compact("compact", p), targets, spacing, seed, threads);
    }

    /** First seed of the reference devices a calibrated scheme measures its calibration on, seed·1 000 003 − 1. */
    public static long referenceSeed(long seed) {
        return seed * 1_000_003L - 1;
    }

    /**
     * Programs device i (seed {@code seed·1 000 003 + i}) of an array of {@code pop} to
     * {@code targets[i]}; a calibrated scheme first measures its calibration on reference
     * devices of seeds {@code seed·1 000 003 − 1 − r}, distinct from the array's.
     */
    public static Outcome program(ProgrammingScheme scheme, DevicePopulation pop, double[] targets,
                                  double spacing, long seed, int threads) {
        ProgrammingScheme.Settings settings = scheme.settings(pop, spacing, referenceSeed(seed));
        int n = targets.length;
        double[] smallest = new double[n];
        double[] largest = new double[n];
        double[] shortest = new double[n];
        double[] longest = new double[n];
        double[] state = new double[n];
        double[] readVariance = new double[n];
        double interval = BUDGET_SPACING * Math.max(pop.model().tau0(), pop.model().tau1());
        ProgrammingScheme.Status[] status = new ProgrammingScheme.Status[n];
        double[] reads = new double[n];
        int[] pulses = new int[n];
        double[] energy = new double[n];
        double[] time = new double[n];
        int chunk = Math.max(1, n / (4 * Math.max(1, threads)));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int start = 0; start < n; start += chunk) {
                final int from = start;
                final int to = Math.min(n, start + chunk);
                jobs.add(pool.submit(() -> {
                    for (int i = from; i < to; i++) {
                        MeteredDevice d = pop.devices().apply(seed * 1_000_003L + i);
                        status[i] = scheme.program(d, targets[i], settings);
                        pulses[i] = d.pulses();
                        energy[i] = d.energy();
                        time[i] = d.time();
                        smallest[i] = d.smallestAmplitude();
                        largest[i] = d.largestAmplitude();
                        shortest[i] = d.shortestWidth();
                        longest[i] = d.longestWidth();
                        d.idle(DELAY);
                        reads[i] = d.evaluationRead();
                        double sum = 0;
                        double sumSq = 0;
                        for (int k = 0; k < BUDGET_READS; k++) {
                            d.idle(interval);
                            double r = d.evaluationRead();
                            sum += r;
                            sumSq += r * r;
                        }
                        double mean = sum / BUDGET_READS;
                        readVariance[i] = Math.max(0, (sumSq - BUDGET_READS * mean * mean) / (BUDGET_READS - 1));
                        state[i] = mean;
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
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        double wLo = Double.POSITIVE_INFINITY;
        double wHi = 0;
        boolean[] converged = new boolean[n];
        TreeSet<Double> unreachable = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            failures += status[i] == ProgrammingScheme.Status.FAILED ? 1 : 0;
            if (status[i] == ProgrammingScheme.Status.UNREACHABLE) {
                unreachable.add(targets[i]);
            }
            converged[i] = status[i] == ProgrammingScheme.Status.CONVERGED;
            lo = Math.min(lo, smallest[i]);
            hi = Math.max(hi, largest[i]);
            wLo = Math.min(wLo, shortest[i]);
            wHi = Math.max(wHi, longest[i]);
        }
        int calibration = (settings.reset() == null ? 0 : settings.reset().pulses())
                + (settings.response() == null ? 0 : settings.response().pulses());
        return new Outcome(targets, reads, pulses, energy, time, failures,
                new double[] {hi == 0 ? 0 : lo, hi}, unreachable.stream().mapToDouble(Double::doubleValue).toArray(),
                calibration, new double[] {wHi == 0 ? 0 : wLo, wHi}, state, readVariance, converged);
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
        double readVar = 0;
        double stateSq = 0;
        double unconvergedSq = 0;
        double bias = 0;
        for (int i = 0; o.state() != null && i < n; i++) {
            double e = o.reads()[i] - o.targets()[i];
            double s = o.state()[i] - o.targets()[i];
            readVar += o.readVariance()[i] / n;
            // The mean of K reads still carries σ_r²/K of read noise: remove it from the state error.
            stateSq += (s * s - o.readVariance()[i] / BUDGET_READS) / n;
            unconvergedSq += o.converged()[i] ? 0 : e * e / n;
            bias += s / n;
        }
        double budget = o.state() == null ? Double.NaN : 100 / (window[1] - window[0]);
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
                (double) pulseSum / n, pulseMax, energy / n, time / n, o.failures(), budget * Math.sqrt(readVar),
                budget * Math.sqrt(Math.max(0, stateSq)), budget * Math.sqrt(unconvergedSq), budget * bias);
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
