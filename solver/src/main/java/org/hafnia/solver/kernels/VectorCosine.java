package org.hafnia.solver.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD butterflies of {@link CosineTransform} (the sums and differences of mirrored nodes), loaded
 * only when {@link VectorSupport#available()}: the same additions lane by lane, so the same bits. Along
 * a row the mirrored partner of a vector is a vector read from the other end, its lanes reversed
 * (one permutation). Each method returns the first index its caller's scalar loop still has to do.
 */
final class VectorCosine {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final VectorShuffle<Double> REVERSE = VectorShuffle.fromOp(SPECIES, i -> LANES - 1 - i);

    private VectorCosine() {
    }

    /** to[sum + i] = p + q, to[diff + i] = p − q with p = from[lo + i], q = from[hi + i], i in [0, n). */
    static int sumsAndDifferences(double[] from, int lo, int hi, double[] to, int sum, int diff, int n) {
        int i = 0;
        for (; i + LANES <= n; i += LANES) {
            DoubleVector p = DoubleVector.fromArray(SPECIES, from, lo + i);
            DoubleVector q = DoubleVector.fromArray(SPECIES, from, hi + i);
            p.add(q).intoArray(to, sum + i);
            p.sub(q).intoArray(to, diff + i);
        }
        return i;
    }

    /**
     * One row of n nodes from {@code row}, pairs i &lt; {@code pairs}: to[row + i] = x_i + x_(n−1−i),
     * to[row + even + i] = x_i − x_(n−1−i).
     */
    static int foldRow(double[] in, int row, int n, int even, int pairs, double[] to) {
        int i = 0;
        for (; i + LANES <= pairs; i += LANES) {
            DoubleVector p = DoubleVector.fromArray(SPECIES, in, row + i);
            DoubleVector q = DoubleVector.fromArray(SPECIES, in, row + n - i - LANES).rearrange(REVERSE);
            p.add(q).intoArray(to, row + i);
            p.sub(q).intoArray(to, row + even + i);
        }
        return i;
    }

    /**
     * The inverse of {@link #foldRow} plus an offset: out[row + i] = (s + d) + offset and
     * out[row + n − 1 − i] = (s − d) + offset, s = a[row + i], d = a[row + even + i], i &lt; {@code pairs}.
     */
    static int unfoldRow(double[] a, int row, int n, int even, int pairs, double offset, double[] out) {
        int i = 0;
        for (; i + LANES <= pairs; i += LANES) {
            DoubleVector s = DoubleVector.fromArray(SPECIES, a, row + i);
            DoubleVector d = DoubleVector.fromArray(SPECIES, a, row + even + i);
            s.add(d).add(offset).intoArray(out, row + i);
            s.sub(d).add(offset).rearrange(REVERSE).intoArray(out, row + n - i - LANES);
        }
        return i;
    }
}
