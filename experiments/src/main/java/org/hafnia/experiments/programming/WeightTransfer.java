package org.hafnia.experiments.programming;

import org.hafnia.physics.compact.CompactDeviceParameters;

/**
 * Transfer of a trained {@link SoftmaxClassifier} to a crossbar (programming.md, "Weight
 * transfer"): each weight w (bias row included) is quantised to the scheme's N levels as
 * q = round(|w|/w_max (N − 1)) and stored in a differential pair, the device on w's side at level q
 * and the other at level 0, so w ∝ G+ − G−; the pairs are programmed with the scheme (noise,
 * variation and drift included), read once, and mapped back as
 * w' = w_max (G+ − G−)/(G_high − G_low) for inference.
 *
 * @param train            training split
 * @param test             test split
 * @param weights          trained 65 × 10 weights (last row bias)
 * @param softwareAccuracy test accuracy of the float weights
 */
public record WeightTransfer(DigitsDataset train, DigitsDataset test, double[][] weights, double softwareAccuracy) {

    /** Train fraction and seed of the fixed split. */
    public static final double TRAIN_FRACTION = 0.7;
    public static final long SPLIT_SEED = 42;

    public static WeightTransfer train(DigitsDataset train, DigitsDataset test) {
        double[][] w = SoftmaxClassifier.train(train);
        return new WeightTransfer(train, test, w, SoftmaxClassifier.accuracy(test, w));
    }

    /** Test accuracy after programming the weights with {@code scheme} on devices of seed {@code seed}. */
    public double programmedAccuracy(ProgrammingScheme scheme, DevicePopulation pop, int levels, long seed,
                                     int threads) {
        CompactDeviceParameters p = pop.model();
        int rows = weights.length;
        int cols = weights[0].length;
        double wMax = 0;
        for (double[] r : weights) {
            for (double v : r) {
                wMax = Math.max(wMax, Math.abs(v));
            }
        }
        double[] g = CrossbarProgramming.levels(p, levels);
        double span = levels > 1 ? g[levels - 1] - g[0] : 1;
        double[] targets = new double[2 * rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double w = weights[i][j];
                int q = (int) Math.round(Math.abs(w) / wMax * (levels - 1));
                int k = 2 * (i * cols + j);
                targets[k] = g[w > 0 ? q : 0];
                targets[k + 1] = g[w > 0 ? 0 : q];
            }
        }
        double spacing = levels > 1 ? g[1] - g[0] : span;
        CrossbarProgramming.Outcome o = CrossbarProgramming.program(scheme, pop, targets, spacing, seed, threads);
        double[][] read = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int k = 2 * (i * cols + j);
                read[i][j] = wMax * (o.reads()[k] - o.reads()[k + 1]) / span;
            }
        }
        return SoftmaxClassifier.accuracy(test, read);
    }
}
