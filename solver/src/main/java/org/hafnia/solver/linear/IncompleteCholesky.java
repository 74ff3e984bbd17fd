package org.hafnia.solver.linear;

import org.hafnia.meshes.Grid3D;
import org.hafnia.physics.operators.StencilMatrix;

/**
 * Zero fill-in incomplete Cholesky factorisation IC(0) of a {@link StencilMatrix}, in the
 * D-ILU form M = (D + L) D⁻¹ (D + Lᵀ), where L is the strictly lower part of A (couplings to
 * the west, south and lower neighbours in natural ordering) and D is chosen so that M and A
 * share their diagonal: d_p = a_pp − cx²_{p−1}/d_{p−1} − cy²_{p−nx}/d_{p−nx} − cz²_{p−nx·ny}/d_{p−nx·ny}.
 * For a 5/7-point M-matrix this is exactly IC(0) and always exists (Meijerink & van der Vorst,
 * Math. Comp. 31, 148 (1977)). Applying M⁻¹ is one forward and one backward sweep.
 */
public final class IncompleteCholesky implements Preconditioner {

    private final StencilMatrix a;
    private final double[] d;
    private final double[] inverseD;

    public IncompleteCholesky(StencilMatrix a) {
        this.a = a;
        int n = a.size();
        this.d = new double[n];
        this.inverseD = new double[n];
        refactor();
    }

    /**
     * Recomputes the factor from the matrix's current entries (the arrays of a {@link StencilMatrix}
     * may be updated in place, e.g. new coefficients for the next pulse): no allocation.
     */
    @Override
    public void refactor() {
        Grid3D g = a.grid();
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        int plane = nx * ny;
        double[] cx = a.cx();
        double[] cy = a.cy();
        double[] cz = a.cz();
        double[] diag = a.diagonal();
        for (int k = 0, p = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++, p++) {
                    double v = diag[p];
                    if (i > 0) {
                        v -= cx[p - 1] * cx[p - 1] * inverseD[p - 1];
                    }
                    if (j > 0) {
                        v -= cy[p - nx] * cy[p - nx] * inverseD[p - nx];
                    }
                    if (k > 0) {
                        v -= cz[p - plane] * cz[p - plane] * inverseD[p - plane];
                    }
                    if (!(v > 0)) {
                        throw new IllegalArgumentException("IC(0) broke down at node " + p + ": the matrix is not an M-matrix");
                    }
                    d[p] = v;
                    inverseD[p] = 1 / v;
                }
            }
        }
    }

    /** z = M⁻¹ r by one forward and one backward sweep; (k, j, i) loops, so no index is divided. */
    @Override
    public void apply(double[] r, double[] z) {
        Grid3D g = a.grid();
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        int plane = nx * ny;
        int n = r.length;
        double[] cx = a.cx();
        double[] cy = a.cy();
        double[] cz = a.cz();
        // Forward: (D + L) y = r, with L holding −couplings.
        for (int k = 0, p = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++, p++) {
                    double v = r[p];
                    if (i > 0) {
                        v += cx[p - 1] * z[p - 1];
                    }
                    if (j > 0) {
                        v += cy[p - nx] * z[p - nx];
                    }
                    if (k > 0) {
                        v += cz[p - plane] * z[p - plane];
                    }
                    z[p] = v * inverseD[p];
                }
            }
        }
        // Backward: (D + Lᵀ) z = D y.
        for (int p = n - 1; p >= 0; p--) {
            double v = 0;
            if (cx[p] != 0) {
                v += cx[p] * z[p + 1];
            }
            if (cy[p] != 0) {
                v += cy[p] * z[p + nx];
            }
            if (cz[p] != 0) {
                v += cz[p] * z[p + plane];
            }
            z[p] += v * inverseD[p];
        }
    }

    @Override
    public String name() {
        return "IC(0)";
    }
}
