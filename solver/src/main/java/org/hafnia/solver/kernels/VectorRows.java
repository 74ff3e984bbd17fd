package org.hafnia.solver.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD rows of the stencil kernels on the Vector API, loaded only when {@link VectorSupport#available()}.
 * Each method evaluates exactly the expression of the scalar row of its kernel, lane by lane and
 * in the same order, so it returns the same bits. Rows shorter than one vector run the scalar
 * loop; a row whose length is not a multiple of the lane count ends with one vector that
 * overlaps the previous one (the overlapping nodes are recomputed from the same old values, so
 * they get the same bits again).
 */
final class VectorRows {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /**
     * 2⁵²: for 0 ≤ t < 2⁵¹, the double sum t + 2⁵² has unit spacing, so round-to-nearest-even makes
     * it 2⁵² + rint(t) exactly, and its low mantissa bits are the integer rint(t) (IEEE 754 binary64).
     */
    static final double ROUNDING_BIAS = 0x1p52;

    private VectorRows() {
    }

    static int lanes() {
        return LANES;
    }

    /** Start of the vector at {@code i} of the row [i0, i1): i, or i1 − LANES for the overlapping last vector. */
    private static int clampStart(int i, int i1) {
        return Math.min(i, i1 - LANES);
    }

    /**
     * Writes t[i] = clamp(p[row + i], 0, 1) · scale + 2⁵² for i in [i0, i1): the table index
     * rint(clamp(φ) N) sits in the low bits of t (see {@link #ROUNDING_BIAS}).
     */
    static void tableIndex(double[] p, int row, int i0, int i1, double scale, double[] t) {
        if (i1 - i0 < LANES) {
            for (int i = i0; i < i1; i++) {
                t[i] = Math.max(0.0, Math.min(1.0, p[row + i])) * scale + ROUNDING_BIAS;
            }
            return;
        }
        for (int i = i0; i < i1; i += LANES) {
            int s = clampStart(i, i1);
            DoubleVector.fromArray(SPECIES, p, row + s).min(1.0).max(0.0).mul(scale).add(ROUNDING_BIAS)
                    .intoArray(t, s);
        }
    }

    /**
     * The 5/7-point weighted Laplacian sum of {@link StencilSweep}, into {@code out[row + i]}:
     * kx (w + e − 2c) + ky (s + n − 2c) [+ kz (b + t − 2c)].
     */
    static void laplacian(double[] p, int row, StencilSweep.Rows r, int i0, int i1, double kx, double ky,
                          double kz, boolean threeD, double[] out) {
        for (int i = i0; i < i1; i += LANES) {
            int s = clampStart(i, i1);
            laplacianAt(p, row + s, r, s, kx, ky, kz, threeD).intoArray(out, row + s);
        }
    }

    private static DoubleVector laplacianAt(double[] p, int idx, StencilSweep.Rows r, int i, double kx, double ky,
                                            double kz, boolean threeD) {
        DoubleVector c = DoubleVector.fromArray(SPECIES, p, idx);
        DoubleVector c2 = c.mul(2.0);
        DoubleVector w = DoubleVector.fromArray(SPECIES, p, idx - 1);
        DoubleVector e = DoubleVector.fromArray(SPECIES, p, idx + 1);
        DoubleVector so = DoubleVector.fromArray(SPECIES, r.south, r.southOffset + i);
        DoubleVector no = DoubleVector.fromArray(SPECIES, r.north, r.northOffset + i);
        DoubleVector lap = w.add(e).sub(c2).mul(kx).add(so.add(no).sub(c2).mul(ky));
        if (threeD) {
            DoubleVector be = DoubleVector.fromArray(SPECIES, r.below, r.belowOffset + i);
            DoubleVector ab = DoubleVector.fromArray(SPECIES, r.above, r.aboveOffset + i);
            lap = lap.add(be.add(ab).sub(c2).mul(kz));
        }
        return lap;
    }

    /**
     * The explicit Allen–Cahn update of {@link AllenCahnKernel} for nodes [i0, i1) of a row:
     * v = c + a (−f'(c) + L − b) [+ noise], clipped to [lo, hi], with a = rate (uniform mobility,
     * no noise) or Δt · L_k, and f'(c) in {@code df[i]}, the noise increment in {@code noise[i]}.
     *
     * @param mobility per-node L_k or null; {@code dtMobility} is then Δt L
     * @param profile  per-node bias factor or null
     * @param noise    per-node noise increment or null
     */
    static void allenCahn(double[] p, int row, StencilSweep.Rows r, int i0, int i1, double kx, double ky,
                          double kz, boolean threeD, double[] df, double dt, double dtMobility, double[] mobility,
                          double bias, double[] profile, double[] noise, double lo, double hi, double[] out) {
        for (int i = i0; i < i1; i += LANES) {
            int s = clampStart(i, i1);
            int idx = row + s;
            DoubleVector c = DoubleVector.fromArray(SPECIES, p, idx);
            DoubleVector lap = laplacianAt(p, idx, r, s, kx, ky, kz, threeD);
            DoubleVector force = DoubleVector.fromArray(SPECIES, df, s).neg().add(lap);
            force = profile == null ? force.sub(bias)
                    : force.sub(DoubleVector.fromArray(SPECIES, profile, idx).mul(bias));
            DoubleVector rate = mobility == null ? DoubleVector.broadcast(SPECIES, dtMobility)
                    : DoubleVector.broadcast(SPECIES, dt).mul(DoubleVector.fromArray(SPECIES, mobility, idx));
            DoubleVector v = c.add(rate.mul(force));
            if (noise != null) {
                v = v.add(DoubleVector.fromArray(SPECIES, noise, s));
            }
            v.min(hi).max(lo).intoArray(out, idx);
        }
    }
}
