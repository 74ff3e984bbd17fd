package org.hafnia.postprocess.extraction;

import org.hafnia.postprocess.rtn.DwellTimes;
import org.hafnia.postprocess.rtn.TwoLevelSequence;
import org.hafnia.postprocess.rtn.TwoMeansThreshold;

/**
 * Two-level (random telegraph) summary of one conductance read trace by the published analysis
 * (physics.md §4, {@link TwoMeansThreshold} and {@link DwellTimes}), plus the white noise as the
 * pooled standard deviation about the assigned level.
 *
 * @param low           mean of the low level
 * @param high          mean of the high level
 * @param whiteSigma    pooled σ about the assigned level
 * @param meanDwellLow  mean low-state dwell in samples (NaN if none closed)
 * @param meanDwellHigh mean high-state dwell in samples (NaN if none closed)
 * @param dwellsLow     closed low dwells
 * @param dwellsHigh    closed high dwells
 */
public record TwoLevelTrace(double low, double high, double whiteSigma, double meanDwellLow, double meanDwellHigh,
                           int dwellsLow, int dwellsHigh) {

    /** Two-means convergence tolerance relative to the trace's standard deviation. */
    static final double RELATIVE_TOLERANCE = 1e-9;

    /** Level separation ΔG = high − low. */
    public double step() {
        return high - low;
    }

    /** Analyses {@code x} (at least two samples). */
    public static TwoLevelTrace of(double[] x) {
        double sd = CompactExtraction.sd(x);
        TwoLevelSequence s = new TwoMeansThreshold(Math.max(RELATIVE_TOLERANCE * sd, Double.MIN_NORMAL))
                .classify(x, 0, x.length);
        double ss = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - (s.states()[i] == 1 ? s.high() : s.low());
            ss += d * d;
        }
        DwellTimes dwells = DwellTimes.of(s.states());
        return new TwoLevelTrace(s.low(), s.high(), Math.sqrt(ss / Math.max(1, x.length - 2)),
                mean(dwells.low()), mean(dwells.high()), dwells.low().length, dwells.high().length);
    }

    private static double mean(int[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        long s = 0;
        for (int v : x) {
            s += v;
        }
        return (double) s / x.length;
    }
}
