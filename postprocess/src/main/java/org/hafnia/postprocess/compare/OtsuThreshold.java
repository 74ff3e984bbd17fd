package org.hafnia.postprocess.compare;

import java.util.Arrays;

import org.hafnia.meshes.InvalidInputException;

/**
 * Otsu's threshold (N. Otsu, IEEE Trans. Syst. Man Cybern. 9, 62 (1979)): the split of the
 * values into two classes that maximises the between-class variance ω0 ω1 (μ0 − μ1)². Evaluated
 * exactly over every split between consecutive distinct values (no histogram binning); the
 * threshold is the midpoint of the two values either side of the best split, and the channel
 * mask is {@code value > threshold}.
 */
public final class OtsuThreshold {

    private OtsuThreshold() {
    }

    /** The threshold of {@code values}; NaN when all values are equal (no split exists). */
    public static double of(double[] values) {
        if (values.length == 0) {
            throw new InvalidInputException("Otsu threshold of an empty map");
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        double total = 0;
        for (double x : v) {
            total += x;
        }
        double best = -1;
        double threshold = Double.NaN;
        double below = 0;
        for (int k = 0; k < n - 1; k++) {
            below += v[k];
            if (v[k] == v[k + 1]) {
                continue;
            }
            double w0 = (k + 1.0) / n;
            double w1 = 1 - w0;
            double m0 = below / (k + 1);
            double m1 = (total - below) / (n - k - 1);
            double between = w0 * w1 * (m0 - m1) * (m0 - m1);
            if (between > best) {
                best = between;
                threshold = 0.5 * (v[k] + v[k + 1]);
            }
        }
        return threshold;
    }

    /** The mask {@code values > threshold}. */
    public static boolean[] mask(double[] values, double threshold) {
        boolean[] m = new boolean[values.length];
        for (int k = 0; k < values.length; k++) {
            m[k] = values[k] > threshold;
        }
        return m;
    }
}
