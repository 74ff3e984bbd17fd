package org.hafnia.experiments.programming;

import org.hafnia.physics.compact.CompactDeviceParameters;
import org.hafnia.physics.compact.ResistiveDevice;

/**
 * The characterised potentiation response ΔG(G, V) of {@code feedforward} (Diao et al., Nanoscale
 * Horizons 2025), measured on {@value #REFERENCES} reference devices of the array: from a full
 * RESET, trains of SET pulses at each of {@value #AMPLITUDES} amplitudes evenly spaced over the
 * switching part of the characterised range (from the extracted threshold where it lies inside),
 * a read after every pulse; each step ΔG = G_after − G_before is filed under
 * G_before in one of {@value #BINS} bins over the extracted [Gmin, Gmax] and averaged (read noise
 * averages out over the ≥ 10² steps of a bin). Width is held at the reference width: in the
 * compact model it enters only as the product with the overdrive. ΔG is made non-decreasing in
 * V (running maximum) and an empty bin takes its nearest filled neighbour. Diao published the
 * scheme (the measured nonlinear response inverted so that successive steps are equal); the grid,
 * the reference devices and the interpolation are our (standard) choice.
 *
 * @param amplitudes SET |V| (V), increasing
 * @param gLow       lower edge of the G bins (S)
 * @param gHigh      upper edge (S)
 * @param dg         mean step [amplitude][bin] (S)
 * @param pulses     pulses the characterisation spent on all reference devices
 */
public record ResponseMap(double[] amplitudes, double gLow, double gHigh, double[][] dg, int pulses) {

    static final int REFERENCES = 8;
    static final int AMPLITUDES = 7;
    static final int BINS = 16;
    /** Longest train at one amplitude. */
    static final int MAX_TRAIN = 400;

    static ResponseMap measure(DevicePopulation pop, long firstSeed) {
        double[] range = pop.characterisedRange();
        CompactDeviceParameters p = pop.model();
        double lo = switching(pop);
        double gLo = p.gMin();
        double hi = p.gMax();
        double stop = hi - 0.02 * (hi - gLo);
        double[] a = new double[AMPLITUDES];
        double[][] sum = new double[AMPLITUDES][BINS];
        int[][] count = new int[AMPLITUDES][BINS];
        int spent = 0;
        for (int j = 0; j < AMPLITUDES; j++) {
            a[j] = lo + (range[1] - lo) * j / (AMPLITUDES - 1);
        }
        for (int r = 0; r < REFERENCES; r++) {
            MeteredDevice d = pop.devices().apply(firstSeed - r);
            for (int j = 0; j < AMPLITUDES; j++) {
                resetFully(d, pop);
                double g = d.read();
                for (int k = 0; k < MAX_TRAIN && g < stop; k++) {
                    d.pulse(a[j], p.pulseWidth());
                    double next = d.read();
                    int b = bin(g, gLo, hi);
                    if (b >= 0 && next < stop) {
                        sum[j][b] += next - g;
                        count[j][b]++;
                    }
                    g = next;
                }
            }
            spent += d.pulses();
        }
        double[][] dg = new double[AMPLITUDES][BINS];
        for (int j = 0; j < AMPLITUDES; j++) {
            for (int b = 0; b < BINS; b++) {
                dg[j][b] = nearestFilled(sum[j], count[j], b);
                if (j > 0) {
                    dg[j][b] = Math.max(dg[j][b], dg[j - 1][b]);
                }
            }
        }
        return new ResponseMap(a, gLo, hi, dg, spent);
    }

    /**
     * The weakest calibration |V|: the characterised range's lower end, raised to the extracted
     * switching threshold when that lies inside the range (points below it would all read "no
     * change" and leave the map coarse where steps are small).
     */
    static double switching(DevicePopulation pop) {
        double[] range = pop.characterisedRange();
        double vth = pop.model().vThreshold();
        return vth > range[0] && vth < range[1] ? vth : range[0];
    }

    /** A full RESET: 1.5 × the extracted RESET pulses at the reference amplitude (clamped to the range). */
    static void resetFully(ResistiveDevice d, DevicePopulation pop) {
        CompactDeviceParameters p = pop.model();
        double v = pop.clamp(p.vReset());
        for (int k = 0; k < Math.ceil(1.5 * p.pulsesLtd()); k++) {
            d.pulse(v, p.pulseWidth());
        }
    }

    private static int bin(double g, double lo, double hi) {
        int b = (int) Math.floor((g - lo) / (hi - lo) * BINS);
        return b < 0 || b >= BINS ? -1 : b;
    }

    private static double nearestFilled(double[] sum, int[] count, int b) {
        for (int off = 0; off < BINS; off++) {
            for (int c : new int[] {b - off, b + off}) {
                if (c >= 0 && c < BINS && count[c] > 0) {
                    return sum[c] / count[c];
                }
            }
        }
        return 0;
    }

    /** Mean step (S) of a pulse of amplitude index {@code j} at G, linear between bin centres. */
    double step(int j, double g) {
        double x = (g - gLow) / (gHigh - gLow) * BINS - 0.5;
        int b = (int) Math.floor(x);
        if (b < 0) {
            return dg[j][0];
        }
        if (b >= BINS - 1) {
            return dg[j][BINS - 1];
        }
        double f = x - b;
        return dg[j][b] * (1 - f) + dg[j][b + 1] * f;
    }

    /** Largest step the characterised range gives at G (S). */
    double largestStep(double g) {
        return step(amplitudes.length - 1, g);
    }

    /**
     * Smallest step the characterised range gives at G (S): that of the weakest amplitude; zero when
     * it does not switch (then any smaller step is interpolated towards it).
     */
    double smallestStep(double g) {
        return step(0, g);
    }

    /** The SET |V| whose mean step at G is {@code dg} (V), clamped to the characterised amplitudes. */
    double amplitude(double g, double dgWanted) {
        double prev = step(0, g);
        if (dgWanted <= prev) {
            return amplitudes[0];
        }
        for (int j = 1; j < amplitudes.length; j++) {
            double s = step(j, g);
            if (dgWanted <= s) {
                double f = s > prev ? (dgWanted - prev) / (s - prev) : 1;
                return amplitudes[j - 1] + f * (amplitudes[j] - amplitudes[j - 1]);
            }
            prev = s;
        }
        return amplitudes[amplitudes.length - 1];
    }
}
