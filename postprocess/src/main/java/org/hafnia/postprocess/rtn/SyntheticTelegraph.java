package org.hafnia.postprocess.rtn;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Simulated telegraph traces with known statistics, for validating the analysis. The trap
 * alternates between a low and a high state; each dwell is the sum of an exponential lifetime
 * and an exponential detection delay (the {@link DelayedExponential} law, means τ and τ_d per
 * state), in continuous time. The state is sampled every Δt (from a random phase), and the
 * current is the state's level plus Gaussian noise.
 *
 * @param samplingInterval Δt, s
 * @param tauLow           lifetime of the low state τ0, s
 * @param delayLow         detection delay of the low state, s
 * @param tauHigh          lifetime of the high state τ1, s
 * @param delayHigh        detection delay of the high state, s
 */
public record SyntheticTelegraph(double samplingInterval, double tauLow, double delayLow, double tauHigh,
                                 double delayHigh) {

    /** {@code n} sampled states (0 low, 1 high), starting in a random state. */
    public byte[] states(int n, RandomGenerator rng) {
        byte[] s = new byte[n];
        int state = rng.nextBoolean() ? 1 : 0;
        double t = rng.nextDouble() * samplingInterval;
        double nextSwitch = dwell(state, rng);
        for (int k = 0; k < n; k++) {
            while (t >= nextSwitch) {
                state = 1 - state;
                nextSwitch += dwell(state, rng);
            }
            s[k] = (byte) state;
            t += samplingInterval;
        }
        return s;
    }

    private double dwell(int state, RandomGenerator rng) {
        double tau = state == 0 ? tauLow : tauHigh;
        double delay = state == 0 ? delayLow : delayHigh;
        return -tau * Math.log1p(-rng.nextDouble()) - delay * Math.log1p(-rng.nextDouble());
    }

    /** Currents low/high (A) of {@code states}, plus Gaussian noise of standard deviation {@code noise} (A). */
    public static double[] current(byte[] states, double low, double high, double noise, RandomGenerator rng) {
        double[] c = new double[states.length];
        for (int k = 0; k < c.length; k++) {
            c[k] = (states[k] == 1 ? high : low) + noise * rng.nextGaussian();
        }
        return c;
    }

    /**
     * A staircase measurement like the published one: {@code rest} samples at 0 V, then for each
     * read voltage a linear ramp of {@code ramp} samples strictly between the levels and a plateau of {@code window} samples,
     * then a ramp back to 0 V and {@code rest} samples. The voltage carries Gaussian noise
     * {@code voltageNoise} (V); the current is V (G_low or G_high) plus Gaussian noise of
     * {@code relativeNoise} times the level separation.
     *
     * @param gLow  low-state conductance, S
     * @param gHigh high-state conductance, S
     */
    public RtnTrace staircase(String source, double[] readVoltages, int rest, int ramp, int window, double gLow,
                              double gHigh, double voltageNoise, double relativeNoise, RandomGenerator rng) {
        List<double[]> segments = new ArrayList<>();
        segments.add(constant(0, rest));
        double previous = 0;
        for (double v : readVoltages) {
            segments.add(ramp(previous, v, ramp));
            segments.add(constant(v, window));
            previous = v;
        }
        segments.add(ramp(previous, 0, ramp));
        segments.add(constant(0, rest));
        double[] volt = RtnAnalysis.concat(segments);
        int n = volt.length;
        byte[] s = states(n, rng);
        double[] time = new double[n];
        double[] cur = new double[n];
        for (int k = 0; k < n; k++) {
            time[k] = (k + 0.5) * samplingInterval;
            double g = s[k] == 1 ? gHigh : gLow;
            cur[k] = Math.abs(volt[k]) * g + relativeNoise * Math.abs(volt[k]) * (gHigh - gLow) * rng.nextGaussian();
            volt[k] += voltageNoise * rng.nextGaussian();
        }
        return new RtnTrace(source, samplingInterval, time, volt, cur);
    }

    private static double[] constant(double v, int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private static double[] ramp(double from, double to, int n) {
        double[] a = new double[n];
        for (int k = 0; k < n; k++) {
            a[k] = from + (to - from) * (k + 1) / (n + 1);
        }
        return a;
    }
}
