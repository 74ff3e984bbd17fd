package org.hafnia.experiments.programming;

import org.hafnia.physics.compact.CompactDeviceParameters;
import org.hafnia.physics.compact.ResistiveDevice;

/**
 * The amplitude-to-conductance map of {@code reset-voltage-control} (Kim et al., Nanotechnology
 * 2021), measured on reference devices of the array: each is SET to its low-resistance state and
 * given one RESET pulse of |V| = a_j, for {@value #POINTS} amplitudes evenly spaced over the
 * switching part of the characterised range ({@link ResponseMap#switching}), and read; G(a_j) is
 * the mean over {@value #REFERENCES} devices, made
 * non-increasing in |V| (a running minimum: a stronger RESET never leaves more conductance). The
 * map is inverted by linear interpolation between the measured amplitudes and never extrapolated:
 * a target outside [G(a_max), G(a_min)] has no amplitude. Kim published the RESET-voltage
 * dependence of the level; the number of calibration points and devices is our (standard) choice.
 *
 * @param amplitudes the calibration |V| (V), increasing
 * @param g          mean G after one RESET of that |V| from the low-resistance state (S), non-increasing
 * @param pulses     pulses the calibration spent on all reference devices
 */
public record ResetCalibration(double[] amplitudes, double[] g, int pulses) {

    /** Calibration amplitudes. */
    public static final int POINTS = 9;
    /** Reference devices averaged. */
    public static final int REFERENCES = 8;

    /** Measures the map on reference devices {@code seeds[0 .. REFERENCES)}. */
    static ResetCalibration measure(DevicePopulation pop, long firstSeed) {
        double[] range = pop.characterisedRange();
        CompactDeviceParameters p = pop.model();
        double lo = ResponseMap.switching(pop);
        double[] a = new double[POINTS];
        double[] g = new double[POINTS];
        int spent = 0;
        for (int j = 0; j < POINTS; j++) {
            a[j] = lo + (range[1] - lo) * j / (POINTS - 1);
        }
        for (int r = 0; r < REFERENCES; r++) {
            MeteredDevice d = pop.devices().apply(firstSeed - r);
            for (int j = 0; j < POINTS; j++) {
                setLow(d, pop);
                d.pulse(-a[j], p.pulseWidth());
                g[j] += d.read() / REFERENCES;
            }
            spent += d.pulses();
        }
        for (int j = 1; j < POINTS; j++) {
            g[j] = Math.min(g[j], g[j - 1]);
        }
        return new ResetCalibration(a, g, spent);
    }

    /** SET to the low-resistance state: 1.5 × the extracted SET pulses at the reference amplitude (clamped to the range). */
    static void setLow(ResistiveDevice d, DevicePopulation pop) {
        CompactDeviceParameters p = pop.model();
        double v = pop.clamp(p.vSet());
        for (int k = 0; k < Math.ceil(1.5 * p.pulsesLtp()); k++) {
            d.pulse(v, p.pulseWidth());
        }
    }

    /** The RESET |V| that the map gives for {@code target} (V), or NaN when the target is outside the map. */
    public double amplitude(double target) {
        int n = amplitudes.length;
        if (!(target <= g[0] && target >= g[n - 1])) {
            return Double.NaN;
        }
        for (int j = 1; j < n; j++) {
            if (target >= g[j]) {
                double span = g[j - 1] - g[j];
                double f = span > 0 ? (g[j - 1] - target) / span : 0;
                return amplitudes[j - 1] + f * (amplitudes[j] - amplitudes[j - 1]);
            }
        }
        return amplitudes[n - 1];
    }

    /** {lowest, highest} G the map reaches (S). */
    public double[] reachable() {
        return new double[] {g[g.length - 1], g[0]};
    }
}
