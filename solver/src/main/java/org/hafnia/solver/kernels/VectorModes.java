package org.hafnia.solver.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/** SIMD rows of {@link ModeSteps} (the scalar expressions lane by lane); each returns the first index left to the scalar loop. */
final class VectorModes {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private VectorModes() {
    }

    static int single(double[] a, double[] s, double[] x, int n) {
        int k = 0;
        for (; k + LANES <= n; k += LANES) {
            DoubleVector ss = DoubleVector.fromArray(SPECIES, s, k);
            ss.add(DoubleVector.fromArray(SPECIES, x, k).mul(DoubleVector.fromArray(SPECIES, a, k).sub(ss))).intoArray(a, k);
        }
        return k;
    }

    static int coupled(double[] af, double[] ae, double[] sf, double[] se, double[] x, double[] alpha, double beta,
                       double gamma, double[] delta, int n) {
        int k = 0;
        for (; k + LANES <= n; k += LANES) {
            DoubleVector f = DoubleVector.fromArray(SPECIES, sf, k);
            DoubleVector e = DoubleVector.fromArray(SPECIES, se, k);
            DoubleVector ch = DoubleVector.fromArray(SPECIES, x, k);
            DoubleVector sh = DoubleVector.fromArray(SPECIES, x, n + k);
            DoubleVector xf = DoubleVector.fromArray(SPECIES, af, k).sub(f);
            DoubleVector xe = DoubleVector.fromArray(SPECIES, ae, k).sub(e);
            f.add(ch.mul(xf)).add(sh.mul(DoubleVector.fromArray(SPECIES, alpha, k).mul(xf)
                    .add(xe.mul(beta)))).intoArray(af, k);
            e.add(ch.mul(xe)).add(sh.mul(xf.mul(gamma)
                    .add(DoubleVector.fromArray(SPECIES, delta, k).mul(xe)))).intoArray(ae, k);
        }
        return k;
    }
}
