package org.hafnia.solver.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD lanes of {@link StabilisedRows} for the interior nodes of a row, loaded only when
 * {@link VectorSupport#available()}; each lane evaluates the scalar expression with the same
 * operations in the same order. A row whose interior is not a multiple of the lane count ends with
 * one vector that overlaps the previous one (the same old values, so the same bits again).
 */
final class VectorStabilised {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private VectorStabilised() {
    }

    /**
     * Writes next[j nx + i] for 1 ≤ i ≤ nx − 2 (nx − 2 ≥ the lane count); returns the largest
     * |Δφ| of those nodes when every one is ≤ {@code stop}, NaN otherwise.
     */
    static double interior(StabilisedRows s, double[] phi, int j, int ny, double dt, double[] mobility,
                           double[] bias, double[] next, double stop) {
        int nx = s.nx();
        int base = j * nx;
        double cx = s.cx();
        double cy = s.cy();
        double stab = s.stab();
        boolean south = j > 0;
        boolean north = j < ny - 1;
        // D summed from 0 in the scalar order: west, east, south, north.
        double diag = 0;
        diag += cx;
        diag += cx;
        if (south) {
            diag += cy;
        }
        if (north) {
            diag += cy;
        }
        double denominator = diag + stab;
        boolean well = s.doubleWell();
        double w32 = s.well;
        double a6 = s.asymmetry;
        double[] df = s.derivative;
        if (!well) {
            s.derivatives(phi, base);
        }
        DoubleVector zero = DoubleVector.zero(SPECIES);
        DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        DoubleVector largest = zero;
        int end = nx - 1;
        for (int i = 1; i < end; i += LANES) {
            int o = Math.min(i, end - LANES);
            int k = base + o;
            DoubleVector c = DoubleVector.fromArray(SPECIES, phi, k);
            DoubleVector off = zero.add(DoubleVector.fromArray(SPECIES, phi, k - 1).mul(cx))
                    .add(DoubleVector.fromArray(SPECIES, phi, k + 1).mul(cx));
            if (south) {
                off = off.add(DoubleVector.fromArray(SPECIES, phi, k - nx).mul(cy));
            }
            if (north) {
                off = off.add(DoubleVector.fromArray(SPECIES, phi, k + nx).mul(cy));
            }
            DoubleVector f;
            if (well) {
                // DoubleWellEnergy.derivative: 32 W q (1 − 2φ) + 6 ΔF q, q = φ(1 − φ), in its order.
                DoubleVector q = c.mul(one.sub(c));
                f = q.mul(w32).mul(one.sub(c.mul(2.0))).add(q.mul(a6));
            } else {
                f = DoubleVector.fromArray(SPECIES, df, o);
            }
            DoubleVector rate = DoubleVector.fromArray(SPECIES, mobility, k).mul(dt);
            DoubleVector force = f.neg().add(c.mul(stab)).add(off).sub(DoubleVector.fromArray(SPECIES, bias, k));
            DoubleVector v = c.add(rate.mul(force)).div(rate.mul(denominator).add(1.0)).min(1.0).max(0.0);
            v.intoArray(next, k);
            largest = largest.max(v.sub(c).abs());
        }
        return largest.compare(VectorOperators.LE, stop).allTrue() ? largest.reduceLanes(VectorOperators.MAX) : Double.NaN;
    }
}
