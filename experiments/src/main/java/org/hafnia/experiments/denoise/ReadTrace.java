package org.hafnia.experiments.denoise;

import org.hafnia.physics.compact.StructuralDevice;
import org.hafnia.postprocess.extraction.TwoLevelTrace;

/**
 * A read trace as a tester takes it: {@code n} reads of one device at a fixed voltage, each a
 * short pulse of the read width, one every read interval (start to start; the device idles in
 * between). The reads disturb the device by its own laws.
 *
 * @param volts   read voltage (V, signed)
 * @param current the read currents (A, signed with the voltage)
 */
public record ReadTrace(double volts, double[] current) {

    /**
     * Takes {@code reads} reads of {@code device} at {@code volts}.
     *
     * @param width    duration of one read (s)
     * @param interval time from the start of one read to the start of the next (s), ≥ width
     */
    public static ReadTrace measure(StructuralDevice device, double volts, double width, double interval, int reads) {
        double[] current = new double[reads];
        for (int k = 0; k < reads; k++) {
            current[k] = device.readCurrent(volts, width);
            if (interval > width) {
                device.idle(interval - width);
            }
        }
        return new ReadTrace(volts, current);
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
