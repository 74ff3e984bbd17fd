package org.hafnia.postprocess.rtn;

/**
 * Telegraph statistics of one read-voltage window pooled over traces.
 *
 * @param window          the window (samples and read voltage)
 * @param traces          number of traces pooled
 * @param lowDwells       pooled low-state (τ0) dwell times, s
 * @param highDwells      pooled high-state (τ1) dwell times, s
 * @param separation      mean level separation ΔI over traces, A
 * @param separationStd   its standard deviation over traces, A
 * @param low             lifetime fit of the low state (τ0)
 * @param high            lifetime fit of the high state (τ1)
 */
public record WindowStatistics(VoltageWindow window, int traces, double[] lowDwells, double[] highDwells,
                               double separation, double separationStd, LifetimeFit low, LifetimeFit high) {

    /** Dwells of state 0 (low, τ0) or 1 (high, τ1), s. */
    public double[] dwells(int state) {
        return state == 0 ? lowDwells : highDwells;
    }

    public LifetimeFit fit(int state) {
        return state == 0 ? low : high;
    }
}
