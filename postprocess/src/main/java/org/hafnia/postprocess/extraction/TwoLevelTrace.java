package org.hafnia.postprocess.extraction;

/**
 * Two-level (random telegraph) analysis of one read trace, as published for the Fig. S14 data
 * (physics.md §4): iterative two-means from mean ± std until both level means move less than
 * {@code 1e-9} of the trace's spread, binarisation at the final midpoint, dwell times between
 * transitions (a low→high transition closes a low dwell, high→low a high dwell; the first, partial
 * dwell is discarded), and the white noise as the pooled standard deviation about the two levels.
 *
 * @param low        mean of the low level
 * @param high       mean of the high level
 * @param whiteSigma pooled σ about the assigned level
 * @param meanDwellLow  mean low-state dwell in samples (NaN if none closed)
 * @param meanDwellHigh mean high-state dwell in samples (NaN if none closed)
 * @param dwellsLow  closed low dwells
 * @param dwellsHigh closed high dwells
 */
public record TwoLevelTrace(double low, double high, double whiteSigma, double meanDwellLow, double meanDwellHigh,
                           int dwellsLow, int dwellsHigh) {

    /** Level separation ΔG = high − low. */
    public double step() {
        return high - low;
    }

    /** Analyses {@code x} (at least two samples). */
    public static TwoLevelTrace of(double[] x) {
        int n = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(var / Math.max(1, n - 1));
        double lo = mean - sd;
        double hi = mean + sd;
        double tol = 1e-9 * Math.max(sd, Double.MIN_NORMAL);
        for (int it = 0; it < 1000; it++) {
            double mid = 0.5 * (lo + hi);
            double sl = 0;
            double sh = 0;
            int nl = 0;
            int nh = 0;
            for (double v : x) {
                if (v > mid) {
                    sh += v;
                    nh++;
                } else {
                    sl += v;
                    nl++;
                }
            }
            double newLo = nl > 0 ? sl / nl : lo;
            double newHi = nh > 0 ? sh / nh : hi;
            boolean done = Math.abs(newLo - lo) < tol && Math.abs(newHi - hi) < tol;
            lo = newLo;
            hi = newHi;
            if (done) {
                break;
            }
        }
        double mid = 0.5 * (lo + hi);
        double ss = 0;
        long sumLow = 0;
        long sumHigh = 0;
        int cLow = 0;
        int cHigh = 0;
        boolean state = x[0] > mid;
        int since = 0;
        boolean first = true;
        for (double v : x) {
            boolean s = v > mid;
            double d = v - (s ? hi : lo);
            ss += d * d;
            if (s != state) {
                if (!first) {
                    if (state) {
                        sumHigh += since;
                        cHigh++;
                    } else {
                        sumLow += since;
                        cLow++;
                    }
                }
                first = false;
                state = s;
                since = 0;
            }
            since++;
        }
        return new TwoLevelTrace(lo, hi, Math.sqrt(ss / Math.max(1, n - 2)),
                cLow > 0 ? (double) sumLow / cLow : Double.NaN, cHigh > 0 ? (double) sumHigh / cHigh : Double.NaN,
                cLow, cHigh);
    }
}
