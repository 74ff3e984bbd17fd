package org.hafnia.postprocess.rtn;

import java.util.Arrays;

/**
 * Dwell times of a two-level sequence as published (physics.md §4, step 2): the sample counts
 * between consecutive transitions; a low → high transition closes a low-state dwell (τ0), a
 * high → low transition closes a high-state dwell (τ1). The first, partial dwell (before the
 * first transition) is discarded, and the last one is never closed, so it is not counted.
 *
 * @param low  closed low-state dwells, samples
 * @param high closed high-state dwells, samples
 */
public record DwellTimes(int[] low, int[] high) {

    public static DwellTimes of(byte[] states) {
        int[] low = new int[states.length];
        int[] high = new int[states.length];
        int nLow = 0;
        int nHigh = 0;
        int last = -1;
        for (int k = 1; k < states.length; k++) {
            if (states[k] != states[k - 1]) {
                if (last >= 0) {
                    if (states[k] == 1) {
                        low[nLow++] = k - last;
                    } else {
                        high[nHigh++] = k - last;
                    }
                }
                last = k;
            }
        }
        return new DwellTimes(Arrays.copyOf(low, nLow), Arrays.copyOf(high, nHigh));
    }

    /** The dwells of {@code state} (0 low, 1 high) in seconds, at sampling interval {@code dt} (s). */
    public double[] seconds(int state, double dt) {
        int[] counts = state == 0 ? low : high;
        double[] t = new double[counts.length];
        for (int k = 0; k < t.length; k++) {
            t[k] = counts[k] * dt;
        }
        return t;
    }
}
