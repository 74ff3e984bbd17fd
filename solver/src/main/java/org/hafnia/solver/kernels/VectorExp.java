package org.hafnia.solver.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Exp#of} lane by lane (the same operations in the same order, so the same bits), and the SIMD
 * rows of {@link LogLinearRows}; loaded only when {@link VectorSupport#available()}.
 */
final class VectorExp {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private VectorExp() {
    }

    /** {@link Exp#of} lane by lane, for lanes inside [{@value Exp#LOW}, {@value Exp#HIGH}]. */
    static DoubleVector exp(DoubleVector x) {
        DoubleVector t = x.mul(Exp.LOG2E).add(Exp.SHIFT);
        DoubleVector kd = t.sub(Exp.SHIFT);
        DoubleVector r = x.sub(kd.mul(Exp.LN2_HI)).sub(kd.mul(Exp.LN2_LO));
        DoubleVector p = r.mul(Exp.C13).add(Exp.C12);
        p = r.mul(p).add(Exp.C11);
        p = r.mul(p).add(Exp.C10);
        p = r.mul(p).add(Exp.C9);
        p = r.mul(p).add(Exp.C8);
        p = r.mul(p).add(Exp.C7);
        p = r.mul(p).add(Exp.C6);
        p = r.mul(p).add(Exp.C5);
        p = r.mul(p).add(Exp.C4);
        p = r.mul(p).add(Exp.C3);
        p = r.mul(p).add(Exp.C2);
        p = r.mul(p).add(1.0);
        p = r.mul(p).add(1.0);
        LongVector bits = t.reinterpretAsLongs().sub(Exp.SHIFT_BITS).add(1023L)
                .lanewise(VectorOperators.LSHL, 52L);
        return p.mul(bits.reinterpretAsDoubles());
    }

    /**
     * The whole vectors of [from, to) of {@link LogLinearRows#conductivity}; returns the first index
     * left to the scalar loop. φ is clamped by the scalar comparisons (φ &lt; 0 → 0, φ &gt; 1 → 1, NaN
     * kept); a vector with an exponent outside Exp's polynomial range (NaN φ, or a ratio beyond e⁷⁰⁷)
     * runs the scalar expression.
     */
    static int logLinear(double[] phi, int from, int to, double scale, double slope, double[] out) {
        DoubleVector zero = DoubleVector.zero(SPECIES);
        DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        int k = from;
        for (; k + LANES <= to; k += LANES) {
            DoubleVector v = DoubleVector.fromArray(SPECIES, phi, k);
            DoubleVector p = v.blend(zero, v.compare(VectorOperators.LT, 0.0)).blend(one, v.compare(VectorOperators.GT, 1.0));
            DoubleVector arg = p.mul(slope);
            if (!arg.compare(VectorOperators.GE, Exp.LOW).and(arg.compare(VectorOperators.LE, Exp.HIGH)).allTrue()) {
                for (int m = k; m < k + LANES; m++) {
                    out[m] = LogLinearRows.conductivity(phi[m], scale, slope);
                }
                continue;
            }
            exp(arg).mul(scale).intoArray(out, k);
        }
        return k;
    }
}
