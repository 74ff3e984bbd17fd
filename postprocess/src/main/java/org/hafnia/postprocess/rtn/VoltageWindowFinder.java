package org.hafnia.postprocess.rtn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.hafnia.meshes.InvalidInputException;

/**
 * Finds the read-voltage windows of a trace from its voltage column: plateaus where the applied
 * voltage stays within a band of ±{@value #BAND_SIGMAS} σ_V of its median for at least
 * {@code minSamples} samples, at a read voltage of magnitude at least {@code minReadVoltage}
 * (so the 0 V rest before and after the staircase is not a window).
 *
 * <p>σ_V is the voltage noise, estimated robustly from successive differences,
 * σ_V = 1.4826 median|V_{k+1} − V_k| / √2 (unaffected by the steps and ramps between plateaus).
 * Candidate levels are the fullest bins of a histogram of width equal to the band; each level
 * is refined to the median of the samples in its band, and its windows are the runs of in-band
 * samples, where excursions of at most {@value #MAX_GAP} samples (isolated voltage spikes) do
 * not end a run. On the published traces (σ_V ≈ 0.09 mV, ramps of 0.1–0.3 mV per sample between
 * plateaus) the band edges fall within about 5 samples of the ramp corners.
 */
public final class VoltageWindowFinder {

    /** Half-width of the plateau band in units of the voltage noise σ_V (Gaussian: 2e-9 outside). */
    public static final double BAND_SIGMAS = 6;
    /** Longest run of out-of-band samples (spikes) tolerated inside a plateau, samples. */
    public static final int MAX_GAP = 4;
    /** Smallest band relative to the voltage range, so a noiseless staircase has a band too (≤ 1e6 bins). */
    static final double MIN_RELATIVE_BAND = 1e-6;

    private final int minSamples;
    private final double minReadVoltage;

    /**
     * @param minSamples     fewest samples of a window
     * @param minReadVoltage smallest |V| of a read window, V
     */
    public VoltageWindowFinder(int minSamples, double minReadVoltage) {
        if (minSamples < 2) {
            throw new IllegalArgumentException("minSamples must be at least 2, got " + minSamples);
        }
        this.minSamples = minSamples;
        this.minReadVoltage = minReadVoltage;
    }

    public int minSamples() {
        return minSamples;
    }

    public double minReadVoltage() {
        return minReadVoltage;
    }

    /** The read windows of {@code trace} in time order; none is an error naming the file. */
    public List<VoltageWindow> find(RtnTrace trace) {
        double[] v = trace.voltage();
        List<VoltageWindow> windows = new ArrayList<>();
        for (VoltageWindow w : plateaus(v)) {
            if (Math.abs(w.voltage()) >= minReadVoltage) {
                windows.add(w);
            }
        }
        if (windows.isEmpty()) {
            throw new InvalidInputException(trace.source() + ": no recognisable voltage windows (no plateau of at least "
                    + minSamples + " samples at |V| >= " + minReadVoltage + " V in the voltage column)");
        }
        return windows;
    }

    /** All plateaus of {@code v} (read or rest), in time order. */
    List<VoltageWindow> plateaus(double[] v) {
        int n = v.length;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        double band = Math.max(BAND_SIGMAS * noise(v), MIN_RELATIVE_BAND * (hi - lo));
        if (!(band > 0)) {
            band = Math.max(Double.MIN_NORMAL, Math.ulp(hi));
        }
        int bins = (int) Math.floor((hi - lo) / band) + 1;
        int[] count = new int[bins];
        for (double x : v) {
            count[Math.min(bins - 1, (int) ((x - lo) / band))]++;
        }
        boolean[] claimed = new boolean[n];
        List<VoltageWindow> found = new ArrayList<>();
        double[] inBand = new double[n];
        while (true) {
            int best = 0;
            for (int b = 1; b < bins; b++) {
                if (count[b] > count[best]) {
                    best = b;
                }
            }
            // A plateau's samples spread over a few bins (noise within ±6σ_V, slow drift): a window
            // of minSamples samples keeps well over a quarter of them in its fullest bin.
            if (count[best] < minSamples / 4) {
                break;
            }
            double centre = lo + (best + 0.5) * band;
            double level = medianWithin(v, centre, band, inBand);
            for (int[] run : runs(v, level, band)) {
                if (run[1] - run[0] >= minSamples && !claimed[run[0]]) {
                    double median = median(Arrays.copyOfRange(v, run[0], run[1]));
                    found.add(new VoltageWindow(run[0], run[1], median));
                    Arrays.fill(claimed, run[0], run[1], true);
                }
            }
            // This level is done: remove its samples (and any sharing its bins) from the histogram.
            for (int k = 0; k < n; k++) {
                if (Math.abs(v[k] - level) <= band) {
                    int b = Math.min(bins - 1, (int) ((v[k] - lo) / band));
                    count[b] = 0;
                }
            }
            count[best] = 0;
        }
        found.sort(Comparator.comparingInt(VoltageWindow::start));
        return found;
    }

    /** Runs {start, end} of samples within {@code band} of {@code level}, bridging short gaps. */
    private static List<int[]> runs(double[] v, double level, double band) {
        List<int[]> runs = new ArrayList<>();
        int start = -1;
        int lastIn = -1;
        for (int k = 0; k < v.length; k++) {
            if (Math.abs(v[k] - level) <= band) {
                if (start < 0 || k - lastIn - 1 > MAX_GAP) {
                    if (start >= 0) {
                        runs.add(new int[] {start, lastIn + 1});
                    }
                    start = k;
                }
                lastIn = k;
            }
        }
        if (start >= 0) {
            runs.add(new int[] {start, lastIn + 1});
        }
        return runs;
    }

    /** Robust noise of a sampled signal from its successive differences (MAD, Gaussian scale). */
    static double noise(double[] v) {
        double[] d = new double[v.length - 1];
        for (int k = 0; k < d.length; k++) {
            d[k] = Math.abs(v[k + 1] - v[k]);
        }
        return 1.4826 * median(d) / Math.sqrt(2);
    }

    private static double medianWithin(double[] v, double centre, double band, double[] scratch) {
        int m = 0;
        for (double x : v) {
            if (Math.abs(x - centre) <= band) {
                scratch[m++] = x;
            }
        }
        return median(Arrays.copyOf(scratch, m));
    }

    static double median(double[] a) {
        return new Median().evaluate(a);
    }
}
