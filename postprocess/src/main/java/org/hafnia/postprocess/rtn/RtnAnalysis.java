package org.hafnia.postprocess.rtn;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.hafnia.meshes.InvalidInputException;

/**
 * The telegraph-noise analysis of physics.md §4 over a set of traces sharing read windows: per
 * window and trace, two-level classification ({@link TwoLevelClassifier}) and dwell times
 * ({@link DwellTimes}); per window, the dwells pooled over traces and fitted by maximum
 * likelihood ({@link DelayedExponentialFit}); per state, the lifetimes across windows fitted as
 * τ(V) = τ0 exp(−|V|/V0) ({@link VoltageDependenceFit}).
 */
public final class RtnAnalysis {

    /** Relative tolerance on the sampling intervals of traces that are pooled. */
    static final double INTERVAL_TOLERANCE = 0.01;

    private final TwoLevelClassifier classifier;

    public RtnAnalysis(TwoLevelClassifier classifier) {
        this.classifier = classifier;
    }

    public TwoLevelClassifier classifier() {
        return classifier;
    }

    /** The common sampling interval of {@code traces}, s; differing intervals are an error. */
    public static double samplingInterval(List<RtnTrace> traces) {
        double dt = traces.get(0).samplingInterval();
        for (RtnTrace t : traces) {
            if (Math.abs(t.samplingInterval() - dt) > INTERVAL_TOLERANCE * dt) {
                throw new InvalidInputException(t.source() + ": sampling interval " + t.samplingInterval()
                        + " s differs from " + dt + " s of " + traces.get(0).source());
            }
        }
        return dt;
    }

    public List<WindowStatistics> run(List<RtnTrace> traces, List<VoltageWindow> windows) {
        double dt = samplingInterval(traces);
        List<WindowStatistics> out = new ArrayList<>();
        for (VoltageWindow w : windows) {
            List<double[]> low = new ArrayList<>();
            List<double[]> high = new ArrayList<>();
            double[] separation = new double[traces.size()];
            for (int k = 0; k < traces.size(); k++) {
                RtnTrace trace = traces.get(k);
                if (w.end() > trace.samples()) {
                    throw new InvalidInputException(trace.source() + ": " + trace.samples()
                            + " samples, too few for the window " + w);
                }
                TwoLevelSequence s = classifier.classify(trace.current(), w.start(), w.end());
                DwellTimes d = DwellTimes.of(s.states());
                low.add(d.seconds(0, dt));
                high.add(d.seconds(1, dt));
                separation[k] = s.separation();
            }
            double[] lowAll = concat(low);
            double[] highAll = concat(high);
            double mean = 0;
            for (double x : separation) {
                mean += x;
            }
            mean /= separation.length;
            double std = separation.length > 1 ? new StandardDeviation().evaluate(separation) : Double.NaN;
            out.add(new WindowStatistics(w, traces.size(), lowAll, highAll, mean, std,
                    DelayedExponentialFit.fit(lowAll), DelayedExponentialFit.fit(highAll)));
        }
        return out;
    }

    /** τ(V) fit of state 0 (low, τ0) or 1 (high, τ1) across the windows. */
    public static VoltageDependenceFit voltageDependence(List<WindowStatistics> windows, int state) {
        int n = windows.size();
        double[] v = new double[n];
        double[] tau = new double[n];
        double[] err = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = windows.get(k).window().voltage();
            tau[k] = windows.get(k).fit(state).tau();
            err[k] = windows.get(k).fit(state).tauError();
        }
        return VoltageDependenceFit.fit(v, tau, err);
    }

    /** The arrays one after the other. */
    static double[] concat(List<double[]> parts) {
        int n = parts.stream().mapToInt(a -> a.length).sum();
        double[] all = new double[n];
        int at = 0;
        for (double[] a : parts) {
            System.arraycopy(a, 0, all, at, a.length);
            at += a.length;
        }
        return all;
    }
}
