package org.hafnia.physics.operators;

import org.hafnia.meshes.Grid3D;
import org.hafnia.physics.api.LinearOperator;

/**
 * A symmetric sparse matrix with the 7-point structure of a {@link Grid3D} (5-point when
 * nz = 1): (A x)_p = d_p x_p − Σ_neighbours q x_q, where the coupling of node p with its upper
 * neighbour along x, y or z is {@code cx[p]}, {@code cy[p]}, {@code cz[p]} (≥ 0; zero on the
 * last layer of each axis, since the matrix has no wrap-around). With d_p ≥ Σ couplings and at
 * least one strictly dominant row per connected component this is a symmetric M-matrix, hence
 * positive definite — the form of every conservative finite-volume diffusion operator with a
 * Dirichlet face. The arrays are owned by the matrix and may be updated in place by the code
 * that assembled it (e.g. a new Δt on the diagonal).
 */
public record StencilMatrix(Grid3D grid, double[] diagonal, double[] cx, double[] cy, double[] cz)
        implements LinearOperator {

    public StencilMatrix {
        int n = grid.size();
        if (diagonal.length != n || cx.length != n || cy.length != n || cz.length != n) {
            throw new IllegalArgumentException("stencil arrays must have " + n + " entries");
        }
    }

    /** A zero matrix on {@code grid}, to be filled by an assembler. */
    public static StencilMatrix zeros(Grid3D grid) {
        int n = grid.size();
        return new StencilMatrix(grid, new double[n], new double[n], new double[n], new double[n]);
    }

    @Override
    public int size() {
        return diagonal.length;
    }

    /** y = A x; the node loop runs over (k, j, i) so that no index is divided (the same operations, same order). */
    @Override
    public void apply(double[] x, double[] y) {
        int nx = grid.nx();
        int ny = grid.ny();
        int nz = grid.nz();
        int plane = nx * ny;
        for (int k = 0, p = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++, p++) {
                    double v = diagonal[p] * x[p];
                    if (cx[p] != 0) {
                        v -= cx[p] * x[p + 1];
                    }
                    if (cy[p] != 0) {
                        v -= cy[p] * x[p + nx];
                    }
                    if (cz[p] != 0) {
                        v -= cz[p] * x[p + plane];
                    }
                    if (i > 0 && cx[p - 1] != 0) {
                        v -= cx[p - 1] * x[p - 1];
                    }
                    if (j > 0 && cy[p - nx] != 0) {
                        v -= cy[p - nx] * x[p - nx];
                    }
                    if (k > 0 && cz[p - plane] != 0) {
                        v -= cz[p - plane] * x[p - plane];
                    }
                    y[p] = v;
                }
            }
        }
    }

    @Override
    public void diagonal(double[] d) {
        System.arraycopy(diagonal, 0, d, 0, diagonal.length);
    }
}
