package org.hafnia.solver.linear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hafnia.meshes.Grid3D;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.physics.operators.StencilMatrix;

/**
 * A geometric multigrid V-cycle for a {@link StencilMatrix}, used as the preconditioner of
 * conjugate gradients: cells are aggregated 2 × 2 × 2 (2 along every axis with more than one
 * node), prolongation P is piecewise constant on the aggregates and the coarse matrix is the
 * Galerkin product Pᵀ A P, which is again a 7-point stencil matrix and again a symmetric
 * M-matrix (diagonal Σ_{p∈P} a_pp − 2 Σ internal couplings, coupling of two aggregates the sum of
 * the fine couplings across their interface). One V-cycle from zero with one forward
 * Gauss–Seidel sweep before and one backward sweep after the coarse correction, and an exact
 * (dense Cholesky) solve on the coarsest level, is a symmetric positive-definite operator, as
 * PCG needs (Trottenberg, Oosterlee & Schüller, Multigrid, 2001, §2.5 and §7.8; Braess, Computing
 * 26, 1981, for piecewise-constant aggregation).
 *
 * <p>All levels and work arrays are made once; {@link #apply} allocates nothing, and
 * {@link #refactor} re-reads the fine matrix in place (new coefficients, same grid), e.g. for
 * the next pulse of a device.
 */
public final class AggregationMultigrid implements Preconditioner {

    /** Coarsening stops at or below this many nodes: the dense solve there costs ≈ n² operations. */
    static final int COARSEST = 64;

    private final Level[] levels;
    /** Dense Cholesky factor (row-major lower triangle) of the coarsest matrix. */
    private final double[] cholesky;
    private final int coarsestSize;

    /** One level: its matrix, the aggregate of each of its nodes on the next level, and work arrays. */
    private static final class Level {
        final StencilMatrix a;
        final int nx;
        final int ny;
        final int nz;
        int[] aggregate;
        final double[] x;
        final double[] r;
        final double[] residual;

        Level(StencilMatrix a) {
            this.a = a;
            Grid3D g = a.grid();
            nx = g.nx();
            ny = g.ny();
            nz = g.nz();
            x = new double[a.size()];
            r = new double[a.size()];
            residual = new double[a.size()];
        }
    }

    public AggregationMultigrid(StencilMatrix a) {
        List<Level> list = new ArrayList<>();
        Level fine = new Level(a);
        list.add(fine);
        Level l = fine;
        while (l.a.size() > COARSEST && (l.nx > 1 || l.ny > 1 || l.nz > 1)) {
            Grid3D c = new Grid3D(half(l.nx), half(l.ny), half(l.nz), 1, 1, 1, LengthUnit.REDUCED);
            l.aggregate = new int[l.a.size()];
            for (int k = 0; k < l.nz; k++) {
                for (int j = 0; j < l.ny; j++) {
                    for (int i = 0; i < l.nx; i++) {
                        l.aggregate[(k * l.ny + j) * l.nx + i] = ((k / 2) * c.ny() + j / 2) * c.nx() + i / 2;
                    }
                }
            }
            Level next = new Level(StencilMatrix.zeros(c));
            list.add(next);
            l = next;
        }
        levels = list.toArray(new Level[0]);
        coarsestSize = l.a.size();
        cholesky = new double[coarsestSize * coarsestSize];
        refactor();
    }

    private static int half(int n) {
        return (n + 1) / 2;
    }

    /** Number of levels, the fine one included. */
    public int levels() {
        return levels.length;
    }

    /** Rebuilds the coarse matrices and the coarsest factor from the fine matrix's current entries. */
    @Override
    public void refactor() {
        for (int l = 0; l + 1 < levels.length; l++) {
            galerkin(levels[l], levels[l + 1]);
        }
        factorCoarsest(levels[levels.length - 1].a);
    }

    /** Pᵀ A P for piecewise-constant P: the coarse stencil in place. */
    private static void galerkin(Level f, Level c) {
        StencilMatrix a = f.a;
        StencilMatrix ac = c.a;
        double[] d = ac.diagonal();
        double[] cx = ac.cx();
        double[] cy = ac.cy();
        double[] cz = ac.cz();
        Arrays.fill(d, 0);
        Arrays.fill(cx, 0);
        Arrays.fill(cy, 0);
        Arrays.fill(cz, 0);
        int nx = f.nx;
        int plane = nx * f.ny;
        int[] agg = f.aggregate;
        for (int p = 0; p < agg.length; p++) {
            int q = agg[p];
            d[q] += a.diagonal()[p];
            double ux = a.cx()[p];
            if (ux != 0) {
                if (agg[p + 1] == q) {
                    d[q] -= 2 * ux;
                } else {
                    cx[q] += ux;
                }
            }
            double uy = a.cy()[p];
            if (uy != 0) {
                if (agg[p + nx] == q) {
                    d[q] -= 2 * uy;
                } else {
                    cy[q] += uy;
                }
            }
            double uz = a.cz()[p];
            if (uz != 0) {
                if (agg[p + plane] == q) {
                    d[q] -= 2 * uz;
                } else {
                    cz[q] += uz;
                }
            }
        }
    }

    private void factorCoarsest(StencilMatrix a) {
        int n = coarsestSize;
        double[] m = cholesky;
        Arrays.fill(m, 0);
        int nx = a.grid().nx();
        int plane = nx * a.grid().ny();
        for (int p = 0; p < n; p++) {
            m[p * n + p] = a.diagonal()[p];
            if (a.cx()[p] != 0) {
                m[(p + 1) * n + p] = -a.cx()[p];
            }
            if (a.cy()[p] != 0) {
                m[(p + nx) * n + p] = -a.cy()[p];
            }
            if (a.cz()[p] != 0) {
                m[(p + plane) * n + p] = -a.cz()[p];
            }
        }
        // Lower triangle in place: L Lᵀ = A (Golub & Van Loan, Matrix Computations, Alg. 4.2.1).
        for (int j = 0; j < n; j++) {
            double s = m[j * n + j];
            for (int k = 0; k < j; k++) {
                s -= m[j * n + k] * m[j * n + k];
            }
            if (!(s > 0)) {
                throw new IllegalArgumentException("multigrid: the coarsest matrix is not positive definite");
            }
            double ljj = Math.sqrt(s);
            m[j * n + j] = ljj;
            for (int i = j + 1; i < n; i++) {
                double t = m[i * n + j];
                for (int k = 0; k < j; k++) {
                    t -= m[i * n + k] * m[j * n + k];
                }
                m[i * n + j] = t / ljj;
            }
        }
    }

    @Override
    public void apply(double[] r, double[] z) {
        Level fine = levels[0];
        System.arraycopy(r, 0, fine.r, 0, r.length);
        cycle(0);
        System.arraycopy(fine.x, 0, z, 0, z.length);
    }

    private void cycle(int l) {
        Level lv = levels[l];
        if (l == levels.length - 1) {
            solveCoarsest(lv.r, lv.x);
            return;
        }
        Arrays.fill(lv.x, 0);
        sweep(lv, true);
        lv.a.apply(lv.x, lv.residual);
        Level c = levels[l + 1];
        Arrays.fill(c.r, 0);
        int[] agg = lv.aggregate;
        for (int p = 0; p < agg.length; p++) {
            c.r[agg[p]] += lv.r[p] - lv.residual[p];
        }
        cycle(l + 1);
        for (int p = 0; p < agg.length; p++) {
            lv.x[p] += c.x[agg[p]];
        }
        sweep(lv, false);
    }

    /** One Gauss–Seidel sweep on A x = r, forward (natural order) or backward; loops without index arithmetic. */
    private static void sweep(Level lv, boolean forward) {
        StencilMatrix a = lv.a;
        double[] d = a.diagonal();
        double[] cx = a.cx();
        double[] cy = a.cy();
        double[] cz = a.cz();
        double[] x = lv.x;
        double[] r = lv.r;
        int nx = lv.nx;
        int ny = lv.ny;
        int nz = lv.nz;
        int plane = nx * ny;
        for (int kk = 0; kk < nz; kk++) {
            int k = forward ? kk : nz - 1 - kk;
            for (int jj = 0; jj < ny; jj++) {
                int j = forward ? jj : ny - 1 - jj;
                int row = (k * ny + j) * nx;
                for (int ii = 0; ii < nx; ii++) {
                    int i = forward ? ii : nx - 1 - ii;
                    int p = row + i;
                    double v = r[p];
                    if (i > 0) {
                        v += cx[p - 1] * x[p - 1];
                    }
                    if (i < nx - 1) {
                        v += cx[p] * x[p + 1];
                    }
                    if (j > 0) {
                        v += cy[p - nx] * x[p - nx];
                    }
                    if (j < ny - 1) {
                        v += cy[p] * x[p + nx];
                    }
                    if (k > 0) {
                        v += cz[p - plane] * x[p - plane];
                    }
                    if (k < nz - 1) {
                        v += cz[p] * x[p + plane];
                    }
                    x[p] = v / d[p];
                }
            }
        }
    }

    private void solveCoarsest(double[] b, double[] x) {
        int n = coarsestSize;
        double[] m = cholesky;
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= m[i * n + k] * x[k];
            }
            x[i] = s / m[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = x[i];
            for (int k = i + 1; k < n; k++) {
                s -= m[k * n + i] * x[k];
            }
            x[i] = s / m[i * n + i];
        }
    }

    @Override
    public String name() {
        return "multigrid(" + levels.length + " levels)";
    }
}
