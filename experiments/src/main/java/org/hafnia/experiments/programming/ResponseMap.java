package org.hafnia.experiments.programming;

import org.hafnia.physics.compact.CompactDeviceParameters;
import org.hafnia.physics.compact.ResistiveDevice;

/**
 * The characterised potentiation response ΔG(G, V, τ) of {@code feedforward} (Diao et al., Nanoscale
 * Horizons 2025), measured on {@value #REFERENCES} reference devices of the array: from a full
 * RESET, trains of SET pulses at each of {@value #AMPLITUDES} amplitudes evenly spaced over the
 * switching part of the characterised range (from the extracted threshold where it lies inside)
 * and at each characterised pulse width, a read after every pulse; each step ΔG = G_after − G_before
 * is filed under G_before in one of {@value #BINS} bins over the extracted [Gmin, Gmax] and averaged
 * (read noise averages out over the ≥ 10² steps of a bin). ΔG is made non-decreasing in V at each
 * width (running maximum) and an empty bin takes its nearest filled neighbour.
 *
 * <p>Width: the map is measured over width only where the devices were characterised at more than
 * one width ({@link DevicePopulation#characterisedWidths}); the shipped film cases were
 * characterised at one width (the extraction's trains), so there the map and the scheme are
 * amplitude-only. The inversion ({@link #width}, {@link #amplitude}) keeps the reference width
 * (the characterised width nearest to the model's, on a log scale) wherever its amplitudes can make
 * the step, and otherwise takes the nearest width that can (a shorter one for a step smaller than the
 * weakest amplitude gives, a longer one for a step larger than the strongest gives); only where no
 * width can, the extreme one, clamped. Diao published the scheme (the measured nonlinear response
 * inverted so that successive steps are equal); the grid, the reference devices, the interpolation
 * and the width preference are our (standard) choice.
 *
 * @param widths     pulse widths (s), increasing
 * @param amplitudes SET |V| (V), increasing
 * @param gLow       lower edge of the G bins (S)
 * @param gHigh      upper edge (S)
 * @param dg         mean step [width][amplitude][bin] (S)
 * @param pulses     pulses the characterisation spent on all reference devices
 */
public record ResponseMap(double[] widths, double[] amplitudes, double gLow, double gHigh, double[][][] dg,
                          int pulses) {

    static final int REFERENCES = 8;
    static final int AMPLITUDES = 7;
    static final int BINS = 16;
    /** Longest train at one amplitude. */
    static final int MAX_TRAIN = 400;

    static ResponseMap measure(DevicePopulation pop, long firstSeed) {
        double[] range = pop.characterisedRange();
        double[] widths = pop.characterisedWidths();
        CompactDeviceParameters p = pop.model();
        double lo = switching(pop);
        double gLo = p.gMin();
        double hi = p.gMax();
        double stop = hi - 0.02 * (hi - gLo);
        int nw = widths.length;
        double[] a = new double[AMPLITUDES];
        double[][][] sum = new double[nw][AMPLITUDES][BINS];
        int[][][] count = new int[nw][AMPLITUDES][BINS];
        int spent = 0;
        for (int j = 0; j < AMPLITUDES; j++) {
            a[j] = lo + (range[1] - lo) * j / (AMPLITUDES - 1);
        }
        for (int r = 0; r < REFERENCES; r++) {
            MeteredDevice d = pop.devices().apply(firstSeed - r);
            for (int w = 0; w < nw; w++) {
                for (int j = 0; j < AMPLITUDES; j++) {
                    resetFully(d, pop);
                    double g = d.read();
                    for (int k = 0; k < MAX_TRAIN && g < stop; k++) {
                        d.pulse(a[j], widths[w]);
                        double next = d.read();
                        int b = bin(g, gLo, hi);
                        if (b >= 0 && next < stop) {
                            sum[w][j][b] += next - g;
                            count[w][j][b]++;
                        }
                        g = next;
                    }
                }
            }
            spent += d.pulses();
        }
        double[][][] dg = new double[nw][AMPLITUDES][BINS];
        for (int w = 0; w < nw; w++) {
            for (int j = 0; j < AMPLITUDES; j++) {
                for (int b = 0; b < BINS; b++) {
                    dg[w][j][b] = nearestFilled(sum[w][j], count[w][j], b);
                    if (j > 0) {
                        dg[w][j][b] = Math.max(dg[w][j][b], dg[w][j - 1][b]);
                    }
                }
            }
        }
        return new ResponseMap(widths, a, gLo, hi, dg, spent);
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

    /** Mean step (S) of a pulse of width index {@code w} and amplitude index {@code j} at G, linear between bin centres. */
    double step(int w, int j, double g) {
        double x = (g - gLow) / (gHigh - gLow) * BINS - 0.5;
        int b = (int) Math.floor(x);
        if (b < 0) {
            return dg[w][j][0];
        }
        if (b >= BINS - 1) {
            return dg[w][j][BINS - 1];
        }
        double f = x - b;
        return dg[w][j][b] * (1 - f) + dg[w][j][b + 1] * f;
    }

    /** Largest step any characterised pulse gives at G (S). */
    double largestStep(double g) {
        double best = 0;
        for (int w = 0; w < widths.length; w++) {
            best = Math.max(best, step(w, amplitudes.length - 1, g));
        }
        return best;
    }

    /**
     * Bounds of {@link #largestStep} over G in [from, to].
     *
     * @param lowest  a lower bound of its minimum (S)
     * @param highest its maximum (S)
     * @param dead    the widest sub-interval on which it is ≤ 0 (S of G; 0 when none)
     * @param weakest a G where it is smallest among the breakpoints (S)
     */
    record LargestStepRange(double lowest, double highest, double dead, double weakest) {
    }

    /**
     * {@link LargestStepRange} of [from, to]. Each width's step is linear in G between bin centres
     * (constant beyond the outer ones), so on every piece between consecutive breakpoints the
     * largest step, a maximum of linear functions, is convex: at most the larger of its end values,
     * at least each width's smaller end value, and ≤ 0 throughout where it is ≤ 0 at both ends.
     */
    LargestStepRange largestStepRange(double from, double to) {
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        double dead = 0;
        double deadStart = Double.NaN;
        double weakest = from;
        double weakestStep = Double.POSITIVE_INFINITY;
        double a = from;
        double bin = (gHigh - gLow) / BINS;
        while (true) {
            // The next breakpoint after a: a bin centre gLow + (c + ½) bin, or the interval's end.
            double c = Math.floor((a - gLow) / bin - 0.5) + 1;
            double b = gLow + (c + 0.5) * bin;
            if (!(b > a)) {
                b = gLow + (c + 1.5) * bin;
            }
            b = Math.min(to, b);
            double upper = Double.NEGATIVE_INFINITY;
            double lower = Double.NEGATIVE_INFINITY;
            for (int w = 0; w < widths.length; w++) {
                double sa = step(w, amplitudes.length - 1, a);
                double sb = step(w, amplitudes.length - 1, b);
                upper = Math.max(upper, Math.max(sa, sb));
                lower = Math.max(lower, Math.min(sa, sb));
            }
            highest = Math.max(highest, upper);
            lowest = Math.min(lowest, lower);
            for (double g : new double[] {a, b}) {
                double l = largestStep(g);
                if (l < weakestStep) {
                    weakestStep = l;
                    weakest = g;
                }
            }
            if (upper <= 0) {
                deadStart = Double.isNaN(deadStart) ? a : deadStart;
                dead = Math.max(dead, b - deadStart);
            } else {
                deadStart = Double.NaN;
            }
            if (b >= to) {
                return new LargestStepRange(lowest, highest, dead, weakest);
            }
            a = b;
        }
    }

    /**
     * Smallest step any characterised pulse gives at G (S): that of the weakest amplitude at the width
     * where it is smallest; zero when it does not switch (then any smaller step is interpolated towards it).
     */
    double smallestStep(double g) {
        double best = Double.POSITIVE_INFINITY;
        for (int w = 0; w < widths.length; w++) {
            best = Math.min(best, step(w, 0, g));
        }
        return best;
    }

    /**
     * The width index for a step {@code dgWanted} at G: the reference width {@code ref} where its
     * amplitudes make the step, else the nearest width (in index, widths increasing) that does,
     * shorter for a smaller step and longer for a larger; where none does, the shortest or longest.
     */
    int width(double g, double dgWanted, int ref) {
        if (dgWanted < step(ref, 0, g)) {
            for (int w = ref - 1; w >= 0; w--) {
                if (dgWanted >= step(w, 0, g)) {
                    return w;
                }
            }
            return 0;
        }
        if (dgWanted > step(ref, amplitudes.length - 1, g)) {
            for (int w = ref + 1; w < widths.length; w++) {
                if (dgWanted <= step(w, amplitudes.length - 1, g)) {
                    return w;
                }
            }
            return widths.length - 1;
        }
        return ref;
    }

    /** Index of the characterised width nearest to {@code width} (s) on a log scale: the reference width. */
    int nearestWidth(double width) {
        int best = 0;
        for (int w = 1; w < widths.length; w++) {
            if (Math.abs(Math.log(widths[w] / width)) < Math.abs(Math.log(widths[best] / width))) {
                best = w;
            }
        }
        return best;
    }

    /** The SET |V| at width index {@code w} whose mean step at G is {@code dg} (V), clamped to the characterised amplitudes. */
    double amplitude(int w, double g, double dgWanted) {
        double prev = step(w, 0, g);
        if (dgWanted <= prev) {
            return amplitudes[0];
        }
        for (int j = 1; j < amplitudes.length; j++) {
            double s = step(w, j, g);
            if (dgWanted <= s) {
                double f = s > prev ? (dgWanted - prev) / (s - prev) : 1;
                return amplitudes[j - 1] + f * (amplitudes[j] - amplitudes[j - 1]);
            }
            prev = s;
        }
        return amplitudes[amplitudes.length - 1];
    }
}
