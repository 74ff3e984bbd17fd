package org.hafnia.postprocess.rtn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * The read windows common to a set of traces measured with one protocol. The reference pattern
 * is the most frequent number of windows, with the median start, end and voltage of each window
 * over the traces that have that number; a trace agrees when it has that number of windows and
 * each boundary lies within {@code boundaryTolerance} samples and each voltage within
 * {@code voltageTolerance} of the reference. The common windows are the intersections
 * {@code [max start, min end)} over the agreeing traces, so every analysed sample lies on the
 * plateau in every trace.
 *
 * @param windows      the common windows
 * @param disagreeing  per disagreeing trace (source), why it disagrees
 * @param maxDeviation largest distance of an agreeing trace's boundary from the reference, samples
 */
public record WindowConsensus(List<VoltageWindow> windows, Map<String, String> disagreeing, int maxDeviation) {

    public static WindowConsensus of(Map<String, List<VoltageWindow>> perTrace, int boundaryTolerance,
                                     double voltageTolerance) {
        if (perTrace.isEmpty()) {
            throw new IllegalArgumentException("no traces");
        }
        Map<Integer, Integer> counts = new HashMap<>();
        perTrace.values().forEach(w -> counts.merge(w.size(), 1, Integer::sum));
        int size = counts.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow().getKey();
        List<List<VoltageWindow>> typical = perTrace.values().stream().filter(w -> w.size() == size).toList();
        List<VoltageWindow> reference = new ArrayList<>();
        for (int k = 0; k < size; k++) {
            int i = k;
            double start = median(typical.stream().mapToDouble(w -> w.get(i).start()).toArray());
            double end = median(typical.stream().mapToDouble(w -> w.get(i).end()).toArray());
            double volt = median(typical.stream().mapToDouble(w -> w.get(i).voltage()).toArray());
            reference.add(new VoltageWindow((int) Math.round(start), (int) Math.round(end), volt));
        }
        Map<String, String> disagreeing = new LinkedHashMap<>();
        int[] starts = new int[size];
        int[] ends = new int[size];
        java.util.Arrays.fill(ends, Integer.MAX_VALUE);
        double[] voltSum = new double[size];
        int agreeing = 0;
        int maxDeviation = 0;
        for (Map.Entry<String, List<VoltageWindow>> e : perTrace.entrySet()) {
            String why = disagreement(e.getValue(), reference, boundaryTolerance, voltageTolerance);
            if (why != null) {
                disagreeing.put(e.getKey(), why);
                continue;
            }
            agreeing++;
            for (int k = 0; k < size; k++) {
                VoltageWindow w = e.getValue().get(k);
                starts[k] = Math.max(starts[k], w.start());
                ends[k] = Math.min(ends[k], w.end());
                voltSum[k] += w.voltage();
                maxDeviation = Math.max(maxDeviation, Math.max(Math.abs(w.start() - reference.get(k).start()),
                        Math.abs(w.end() - reference.get(k).end())));
            }
        }
        List<VoltageWindow> common = new ArrayList<>();
        for (int k = 0; k < size && agreeing > 0; k++) {
            common.add(new VoltageWindow(starts[k], ends[k], voltSum[k] / agreeing));
        }
        return new WindowConsensus(List.copyOf(common), disagreeing, maxDeviation);
    }

    private static String disagreement(List<VoltageWindow> w, List<VoltageWindow> ref, int boundaryTolerance,
                                       double voltageTolerance) {
        if (w.size() != ref.size()) {
            return w.size() + " voltage windows " + w + ", the other traces have " + ref.size() + " " + ref;
        }
        for (int k = 0; k < w.size(); k++) {
            VoltageWindow a = w.get(k);
            VoltageWindow b = ref.get(k);
            if (Math.abs(a.start() - b.start()) > boundaryTolerance || Math.abs(a.end() - b.end()) > boundaryTolerance
                    || Math.abs(a.voltage() - b.voltage()) > voltageTolerance) {
                return String.format(Locale.ROOT, "voltage window %d is %s, the other traces have %s (tolerance ±%d samples, ±%.3g V)",
                        k + 1, a, b, boundaryTolerance, voltageTolerance);
            }
        }
        return null;
    }

    private static double median(double[] a) {
        return new Median().evaluate(a);
    }
}
