package org.hafnia.postprocess.rtn;

/**
 * The published two-level analysis (physics.md §4, step 1): the two levels are found by
 * iterative two-means, starting from mean ± standard deviation (population), splitting the
 * samples at the midpoint of the two means (low: I ≤ midpoint), re-averaging each side, until
 * both means move by less than the tolerance; the threshold is the final midpoint and a sample
 * is high when its current exceeds it. A window of constant current is all low, with ΔI = 0.
 */
public final class TwoMeansThreshold implements TwoLevelClassifier {

    /** Convergence tolerance of the published analysis, A (physics.md §4). */
    public static final double PUBLISHED_TOLERANCE = 1e-8;
    /** Guard against a tolerance below the floating-point resolution of the means. */
    static final int MAX_ITERATIONS = 10_000;

    private final double tolerance;

    /** @param tolerance convergence tolerance on both means, A */
    public TwoMeansThreshold(double tolerance) {
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be positive, got " + tolerance);
        }
        this.tolerance = tolerance;
    }

    @Override
    public String name() {
        return "published";
    }

    /** The two level means and the threshold between them. */
    public record Levels(double low, double high, double threshold) {
    }

    public Levels levels(double[] x, int from, int to) {
        int n = to - from;
        double mean = 0;
        for (int k = from; k < to; k++) {
            mean += x[k];
        }
        mean /= n;
        double var = 0;
        for (int k = from; k < to; k++) {
            var += (x[k] - mean) * (x[k] - mean);
        }
        double std = Math.sqrt(var / n);
        if (std == 0) {
            return new Levels(mean, mean, mean);
        }
        double lo = mean - std;
        double hi = mean + std;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double t = 0.5 * (lo + hi);
            double sumLo = 0;
            double sumHi = 0;
            int nLo = 0;
            for (int k = from; k < to; k++) {
                if (x[k] <= t) {
                    sumLo += x[k];
                    nLo++;
                } else {
                    sumHi += x[k];
                }
            }
            // Both sides are non-empty: the midpoint always lies strictly between two side means.
            double newLo = sumLo / nLo;
            double newHi = sumHi / (n - nLo);
            boolean converged = Math.abs(newLo - lo) < tolerance && Math.abs(newHi - hi) < tolerance;
            lo = newLo;
            hi = newHi;
            if (converged) {
                break;
            }
        }
        return new Levels(lo, hi, 0.5 * (lo + hi));
    }

    @Override
    public TwoLevelSequence classify(double[] current, int from, int to) {
        Levels l = levels(current, from, to);
        byte[] s = new byte[to - from];
        for (int k = from; k < to; k++) {
            s[k - from] = current[k] > l.threshold() ? (byte) 1 : 0;
        }
        return new TwoLevelSequence(l.low(), l.high(), s);
    }
}
