package org.hafnia.solver.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import org.hafnia.physics.PhysicalConstants;

/**
 * SIMD rows of {@link HoppingRates#rates}, loaded only when {@link VectorSupport#available()}: each
 * lane evaluates {@link Exp#of} ({@link VectorExp}) and {@link Sinh#of} with the same operations in the same order (both
 * branches of the sinh, then the lane's own chosen by the same comparison), so the bits are the
 * scalar ones. A vector with a lane outside the polynomial ranges (T so low that e^(−E_a/k_BT)
 * underflows, |drive argument| &gt; {@value Sinh#LARGE}, NaN) runs the scalar expression instead.
 */
final class VectorHopping {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private VectorHopping() {
    }

    /**
     * The whole vectors of [from, to); returns the first index left to the scalar loop. The mobility
     * and the drive are two loops, each with one inlined exp: one loop with both exceeds C2's inlining
     * budget, and a vector passed to a call that is not inlined is boxed. The first loop leaves
     * u = 1/(k_B T) in {@code drive} for the second (one division per node, the same u bits).
     */
    static int rates(HoppingRates h, double[] temp, double field, int from, int to, double[] mobility, double[] drive) {
        mobility(h, temp, from, to, mobility, drive);
        return drive(h, temp, field, from, to, drive);
    }

    private static DoubleVector inverseKt(double[] temp, int k) {
        return DoubleVector.broadcast(SPECIES, 1.0).div(DoubleVector.fromArray(SPECIES, temp, k)
                .mul(PhysicalConstants.BOLTZMANN_EV_PER_K));
    }

    /** The mobility of the whole vectors, and u of each into {@code inverse}. */
    private static int mobility(HoppingRates h, double[] temp, int from, int to, double[] mobility, double[] inverse) {
        double nu = h.attemptFrequency();
        double ea = -h.activationEnergy();
        int k = from;
        for (; k + LANES <= to; k += LANES) {
            DoubleVector u = inverseKt(temp, k);
            u.intoArray(inverse, k);
            DoubleVector arg = u.mul(ea);
            if (!arg.compare(VectorOperators.GE, Exp.LOW).and(arg.compare(VectorOperators.LE, Exp.HIGH)).allTrue()) {
                for (int m = k; m < k + LANES; m++) {
                    mobility[m] = h.mobility(temp[m]);
                }
                continue;
            }
            u.mul(nu).mul(VectorExp.exp(arg)).intoArray(mobility, k);
        }
        return k;
    }

    /**
     * The drive of the whole vectors, from the u that {@link #mobility} left in {@code drive}. At zero
     * field every finite argument x = u·qe is ±0, whose sinh is x itself on the scalar path (the
     * series' x + x·(x²·P) with x² = +0), so the lanes take b₀·x directly (a NaN x stays NaN).
     */
    private static int drive(HoppingRates h, double[] temp, double field, int from, int to, double[] drive) {
        double b0 = -h.driveScale();
        double qe = h.drivePerField() * field;
        int k = from;
        if (qe == 0) {
            for (; k + LANES <= to; k += LANES) {
                DoubleVector.fromArray(SPECIES, drive, k).mul(qe).mul(b0).intoArray(drive, k);
            }
            return k;
        }
        for (; k + LANES <= to; k += LANES) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, drive, k).mul(qe);
            DoubleVector a = x.abs();
            if (!a.compare(VectorOperators.LE, Sinh.LARGE).allTrue()) {
                for (int m = k; m < k + LANES; m++) {
                    drive[m] = h.drive(field, temp[m]);
                }
                continue;
            }
            DoubleVector s = x.mul(x);
            DoubleVector series = x.add(x.mul(s.mul(s.mul(s.mul(s.mul(s.mul(s.mul(s.mul(s.mul(Exp.C17).add(Exp.C15))
                    .add(Exp.C13)).add(Exp.C11)).add(Exp.C9)).add(Exp.C7)).add(Exp.C5)).add(Exp.C3))));
            DoubleVector e = VectorExp.exp(a);
            DoubleVector half = e.sub(DoubleVector.broadcast(SPECIES, 1.0).div(e)).mul(0.5);
            DoubleVector large = half.blend(half.neg(), x.compare(VectorOperators.LT, 0.0));
            large.blend(series, a.compare(VectorOperators.LT, Sinh.SERIES)).mul(b0).intoArray(drive, k);
        }
        return k;
    }
}
