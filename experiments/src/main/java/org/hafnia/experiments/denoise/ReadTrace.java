package org.hafnia.experiments.denoise;

import java.util.Locale;
import java.util.function.DoubleSupplier;

import org.hafnia.physics.compact.ResistiveDevice;
import org.hafnia.physics.compact.StructuralDevice;
import org.hafnia.physics.traps.TrapParameters;
import org.hafnia.postprocess.extraction.TwoLevelTrace;

/**
 * A read trace as a tester takes it: {@code n} reads of one device at a fixed voltage, each a
 * short pulse of the read width, one every read interval (start to start; the device idles in
 * between). The reads disturb the device by its own laws. This is the one read trace of the
 * project: {@code hafnia denoise} and the characterisation of {@code hafnia extract} take their
 * traces here.
 *
 * @param volts   read voltage (V, signed)
 * @param current the read currents (A, signed with the voltage)
 */
public record ReadTrace(double volts, double[] current) {

    /**
     * A trace must last at least this many times the longest mean dwell of the traps
     * ({@link #requirement}): it then holds on average 2T/(τ0 + τ1) ≥ 10 transitions of a trap,
     * and the expected sample variance of a telegraph signal, σ²(1 − 2τ_c/T + …) with the
     * correlation time τ_c = τ0τ1/(τ0 + τ1) ≤ τ_max, is within 20 % of the stationary one (10 %
     * in σ). A 40 ms trace against τ1 = 70 ms sees at most one transition and misses most of it.
     */
    public static final double DWELLS_PER_TRACE = 10;

    /**
     * Reads per shortest mean dwell at least: the read interval is at most τ_min / 5, so that a
     * dwell is missed (shorter than one interval) with probability 1 − e^(−1/5) ≈ 18 % at most and
     * the two-means sees both levels.
     */
    public static final double READS_PER_DWELL = 5;

    /**
     * Takes {@code reads} reads of {@code device} at {@code volts}.
     *
     * @param width    duration of one read (s)
     * @param interval time from the start of one read to the start of the next (s), ≥ width
     */
    public static ReadTrace measure(StructuralDevice device, double volts, double width, double interval, int reads) {
        return new ReadTrace(volts, sample(device, () -> device.readCurrent(volts, width), width, interval, reads));
    }

    /**
     * The same trace on a device that reads only at its own read voltage ({@link ResistiveDevice#read()}):
     * the read conductances (S).
     *
     * @param width read width of the device (s): the time one read takes
     */
    public static double[] conductances(ResistiveDevice device, double width, double interval, int reads) {
        return sample(device, device::read, width, interval, reads);
    }

    private static double[] sample(ResistiveDevice device, DoubleSupplier read, double width, double interval, int reads) {
        double[] x = new double[reads];
        for (int k = 0; k < reads; k++) {
            x[k] = read.getAsDouble();
            if (interval > width) {
                device.idle(interval - width);
            }
        }
        return x;
    }

    /**
     * What a trace needs to show the telegraph noise of traps with the lifetimes of {@code traps}:
     * the dwells are those of the voltages the trace holds, the read voltage for the duty
     * cycle width/interval and 0 V in between, 1/τ = (w/Δ)/τ(V_read) + (1 − w/Δ)/τ(0) for each
     * state (the laws τ(V) fitted to reference/rtn, {@link TrapParameters#chargedLifetime()},
     * {@link TrapParameters#neutralLifetime()}). Duration T = reads × interval ≥
     * {@link #DWELLS_PER_TRACE} × the longest, interval ≤ the shortest / {@link #READS_PER_DWELL}.
     *
     * @param longestDwell  longest mean dwell of a trap during the trace (s)
     * @param shortestDwell shortest mean dwell (s)
     * @param duration      the trace's duration reads × interval (s)
     * @param interval      the trace's read interval (s)
     */
    public record Requirement(double longestDwell, double shortestDwell, double duration, double interval) {

        /** Shortest trace duration that shows the traps switch (s). */
        public double minDuration() {
            return DWELLS_PER_TRACE * longestDwell;
        }

        /** Longest read interval that resolves the shortest dwell (s). */
        public double maxInterval() {
            return shortestDwell / READS_PER_DWELL;
        }

        public boolean met() {
            return duration >= minDuration() && interval <= maxInterval();
        }

        /** One line saying what the trace lacks, or null when it meets the requirement. */
        public String shortfall() {
            if (met()) {
                return null;
            }
            return String.format(Locale.ROOT, "the read trace (%.3g s, a read every %.3g s) is %s: the traps' mean dwells"
                    + " are %.3g-%.3g s (tau(V) laws of reference/rtn), so a trace needs >= %.3g s sampled every <= %.3g s;"
                    + " its read noise and telegraph figures are lower bounds", duration, interval,
                    duration < minDuration() ? "too short" : "sampled too sparsely", shortestDwell, longestDwell,
                    minDuration(), maxInterval());
        }
    }

    /** The requirement ({@link Requirement}) of a trace of {@code reads} reads at {@code volts}. */
    public static Requirement requirement(TrapParameters traps, double volts, double width, double interval, int reads) {
        double duty = Math.min(1, width / interval);
        double tau0 = 1 / (duty / traps.chargedLifetime().tau(volts) + (1 - duty) / traps.chargedLifetime().tau(0));
        double tau1 = 1 / (duty / traps.neutralLifetime().tau(volts) + (1 - duty) / traps.neutralLifetime().tau(0));
        return new Requirement(Math.max(tau0, tau1), Math.min(tau0, tau1), reads * interval, interval);
    }

    /**
     * The telegraph step |ΔI| (A): the separation of the two levels that the published iterative
     * two-means finds in the trace (physics.md §4, {@link TwoLevelTrace}). A trace without a
     * telegraph signal still splits: for Gaussian white noise of σ_I the two half-means lie
     * 2·σ_I·√(2/π) ≈ 1.6 σ_I apart, which is the floor of this measure.
     */
    public double step() {
        return TwoLevelTrace.of(current).step();
    }

    /** Mean conductance ⟨I⟩ / V (S). */
    public double conductance() {
        double s = 0;
        for (double i : current) {
            s += i;
        }
        return s / current.length / volts;
    }

    /** The read conductances I / V (S). */
    public double[] conductances() {
        double[] g = new double[current.length];
        for (int k = 0; k < g.length; k++) {
            g[k] = current[k] / volts;
        }
        return g;
    }

    /** Sample standard deviation of the read conductance I / V over the trace (S). */
    public double sigma() {
        int n = current.length;
        if (n < 2) {
            return 0;
        }
        double mean = conductance();
        double ss = 0;
        for (double i : current) {
            double d = i / volts - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / (n - 1));
    }
}
