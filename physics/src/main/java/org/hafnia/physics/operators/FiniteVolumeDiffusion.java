package org.hafnia.physics.operators;

import org.hafnia.meshes.AxisBoundary;
import org.hafnia.meshes.BoundaryCondition;
import org.hafnia.meshes.BoundaryConditions3D;
import org.hafnia.meshes.Grid3D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.LengthUnit;

/**
 * Cell-centred finite-volume discretisation of the steady diffusion operator −∇·(c ∇u) on a
 * {@link Grid3D}, for conduction (c = σ, u = V) and heat (c = k_th, u = T).
 *
 * <p>Each cell exchanges flux with a neighbour through a face of conductance
 * g = S / (h/(2c_a) + h/(2c_b)) (the two half-cells in series: harmonic mean, exact for layers
 * in series), S the face area and h the node spacing. A Dirichlet face at value u_b couples the
 * cell to it through the half cell, g_b = c S / (h/2); a zero-flux face has no coupling;
 * periodic axes are not supported (an electrode or a heat sink closes the problem). With
 * lengths in metres (the grid's unit converted; reduced grids are taken as they are) the
 * conductances are in S (or W/K), the flux balance of cell p reads
 * Σ_q g_pq (u_p − u_q) + Σ_b g_b (u_p − u_b) = s_p, and the matrix is a symmetric M-matrix,
 * positive definite when at least one face is Dirichlet. Second-order accurate in the
 * interior (truncation O(h²)); for constant c the scheme is exact for linear u.
 */
public final class FiniteVolumeDiffusion {

    private final Grid3D grid;
    private BoundaryConditions3D bc;
    private final StencilMatrix matrix;
    private final double[] rhs;
    // Conductance of the Dirichlet face of each boundary cell, per face (0 where not Dirichlet).
    private final double[][] faceConductance = new double[6][];
    private final double[] faceValue = new double[6];

    /**
     * @param grid        the grid (its unit gives the length scale)
     * @param bc          boundary conditions: Dirichlet or zero flux on each face
     * @param coefficient c per cell (> 0), e.g. σ in S/m or k_th in W/(m K); not retained
     */
    public FiniteVolumeDiffusion(Grid3D grid, BoundaryConditions3D bc, double[] coefficient) {
        for (AxisBoundary a : new AxisBoundary[] {bc.x(), bc.y(), bc.z()}) {
            if (a.isPeriodic()) {
                throw new InvalidInputException("finite-volume diffusion needs Dirichlet or zero-flux faces, not periodic ones");
            }
        }
        this.grid = grid;
        check(coefficient);
        this.bc = bc;
        this.matrix = StencilMatrix.zeros(grid);
        this.rhs = new double[grid.size()];
        assemble(coefficient);
    }

    /**
     * Assembles the operator again, in place, for new coefficients and face values (each face of the
     * same kind, Dirichlet or zero flux, as before): the matrix and right-hand side are then bit for
     * bit those of a new instance (the same operations from zero), and nothing is allocated — for
     * repeated solves on one grid (the pulses of a device).
     *
     * @param bc          boundary conditions with the construction's face kinds
     * @param coefficient c per cell (> 0); not retained
     */
    public void reassemble(BoundaryConditions3D bc, double[] coefficient) {
        check(coefficient);
        AxisBoundary[] now = {this.bc.x(), this.bc.y(), this.bc.z()};
        AxisBoundary[] next = {bc.x(), bc.y(), bc.z()};
        for (int a = 0; a < 3; a++) {
            if (next[a].isPeriodic() || kind(now[a].low()) != kind(next[a].low()) || kind(now[a].high()) != kind(next[a].high())) {
                throw new IllegalArgumentException("re-assembly needs the same face kinds: " + this.bc + " → " + bc);
            }
        }
        this.bc = bc;
        java.util.Arrays.fill(matrix.diagonal(), 0);
        java.util.Arrays.fill(rhs, 0);
        assemble(coefficient);
    }

    private static boolean kind(BoundaryCondition c) {
        return c instanceof BoundaryCondition.Dirichlet;
    }

    private void check(double[] coefficient) {
        if (coefficient.length != grid.size()) {
            throw new IllegalArgumentException("coefficient has " + coefficient.length + " values, grid has " + grid.size());
        }
        for (double c : coefficient) {
            if (!(c > 0) || !Double.isFinite(c)) {
                throw new InvalidInputException("diffusion coefficient must be positive and finite, got " + c);
            }
        }
    }

    private static double metres(Grid3D g) {
        return g.unit() == LengthUnit.REDUCED ? 1.0 : g.unit().metres();
    }

    private void assemble(double[] c) {
        int nx = grid.nx();
        int ny = grid.ny();
        int nz = grid.nz();
        int plane = nx * ny;
        double m = metres(grid);
        double dx = grid.dx() * m;
        double dy = grid.dy() * m;
        double dz = grid.dz() * m;
        // Face area / node spacing along each axis.
        double sx = dy * dz / dx;
        double sy = dx * dz / dy;
        double sz = dx * dy / dz;
        double[] d = matrix.diagonal();
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int p = (k * ny + j) * nx + i;
                    if (i + 1 < nx) {
                        couple(p, p + 1, sx * harmonic(c[p], c[p + 1]), matrix.cx(), d);
                    }
                    if (j + 1 < ny) {
                        couple(p, p + nx, sy * harmonic(c[p], c[p + nx]), matrix.cy(), d);
                    }
                    if (k + 1 < nz) {
                        couple(p, p + plane, sz * harmonic(c[p], c[p + plane]), matrix.cz(), d);
                    }
                }
            }
        }
        dirichletFaces(0, bc.x().low(), c, 2 * sx, nx, 1, 0);
        dirichletFaces(1, bc.x().high(), c, 2 * sx, nx, 1, nx - 1);
        dirichletFaces(2, bc.y().low(), c, 2 * sy, ny, nx, 0);
        dirichletFaces(3, bc.y().high(), c, 2 * sy, ny, nx, ny - 1);
        dirichletFaces(4, bc.z().low(), c, 2 * sz, nz, plane, 0);
        dirichletFaces(5, bc.z().high(), c, 2 * sz, nz, plane, nz - 1);
    }

    /** Harmonic mean 2ab/(a+b): two half-cells in series over one node spacing. */
    private static double harmonic(double a, double b) {
        return 2 * a * b / (a + b);
    }

    private static void couple(int p, int q, double g, double[] coupling, double[] d) {
        coupling[p] = g;
        d[p] += g;
        d[q] += g;
    }

    /**
     * Adds the half-cell conductance of every cell on face {@code face} (the layer
     * {@code layer} along an axis of {@code n} nodes whose stride is {@code stride}).
     */
    private void dirichletFaces(int face, BoundaryCondition condition, double[] c, double s2, int n, int stride,
                                int layer) {
        if (!(condition instanceof BoundaryCondition.Dirichlet dir)) {
            return;
        }
        double[] g = faceConductance[face];
        if (g == null) {
            g = new double[grid.size()];
            faceConductance[face] = g;
        } else {
            java.util.Arrays.fill(g, 0);
        }
        faceValue[face] = dir.value();
        double[] d = matrix.diagonal();
        for (int p = 0; p < g.length; p++) {
            if ((p / stride) % n == layer) {
                g[p] = s2 * c[p];
                d[p] += g[p];
                rhs[p] += g[p] * dir.value();
            }
        }
    }

    public Grid3D grid() {
        return grid;
    }

    /** The matrix A of A u = b (shared, not copied). */
    public StencilMatrix matrix() {
        return matrix;
    }

    /** The boundary part of b: Σ_b g_b u_b per cell (a copy, to which sources may be added). */
    public double[] boundaryRightHandSide() {
        return rhs.clone();
    }

    /** The boundary part of b copied into {@code into} (length = cells), to which sources may be added. */
    public void boundaryRightHandSide(double[] into) {
        System.arraycopy(rhs, 0, into, 0, rhs.length);
    }

    /** The faces in the order of {@link #faceFlux}: x low/high, y low/high, z low/high. */
    public enum Face { X_LOW, X_HIGH, Y_LOW, Y_HIGH, Z_LOW, Z_HIGH }

    /**
     * Flux through a Dirichlet face out of the domain, Σ g_b (u_p − u_b) (A for conduction,
     * W for heat); 0 for a zero-flux face.
     */
    public double faceFlux(double[] u, Face face) {
        double[] g = faceConductance[face.ordinal()];
        if (g == null) {
            return 0;
        }
        double ub = faceValue[face.ordinal()];
        double s = 0;
        for (int p = 0; p < g.length; p++) {
            if (g[p] != 0) {
                s += g[p] * (u[p] - ub);
            }
        }
        return s;
    }

    /**
     * Dissipation per cell (Joule heat for conduction, W): half of g (Δu)² of every internal
     * face goes to each of its cells, and all of g_b (u_p − u_b)² of a Dirichlet face to its
     * cell. The sum over cells is exactly Σ_faces g (Δu)², which equals the power I·ΔV
     * delivered by the electrodes when A u = b holds.
     */
    public void dissipation(double[] u, double[] out) {
        java.util.Arrays.fill(out, 0);
        int nx = grid.nx();
        int plane = nx * grid.ny();
        double[] cx = matrix.cx();
        double[] cy = matrix.cy();
        double[] cz = matrix.cz();
        for (int p = 0; p < out.length; p++) {
            halfFace(u, out, p, p + 1, cx[p]);
            halfFace(u, out, p, p + nx, cy[p]);
            halfFace(u, out, p, p + plane, cz[p]);
        }
        for (int f = 0; f < 6; f++) {
            double[] g = faceConductance[f];
            if (g == null) {
                continue;
            }
            for (int p = 0; p < out.length; p++) {
                double du = u[p] - faceValue[f];
                out[p] += g[p] * du * du;
            }
        }
    }

    private static void halfFace(double[] u, double[] out, int p, int q, double g) {
        if (g != 0) {
            double du = u[q] - u[p];
            double e = 0.5 * g * du * du;
            out[p] += e;
            out[q] += e;
        }
    }

    /**
     * |∇u| per cell from the mean of the two face gradients along each axis (one-sided to a
     * Dirichlet face value through the half cell, zero at a zero-flux face), in u per metre
     * (per reduced length unit on reduced grids).
     */
    public void gradientMagnitude(double[] u, double[] out) {
        int nx = grid.nx();
        int ny = grid.ny();
        int nz = grid.nz();
        double m = metres(grid);
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int p = grid.index(i, j, k);
                    double gx = axisGradient(u, p, i, nx, 1, grid.dx() * m, 0);
                    double gy = axisGradient(u, p, j, ny, nx, grid.dy() * m, 2);
                    double gz = axisGradient(u, p, k, nz, nx * ny, grid.dz() * m, 4);
                    out[p] = Math.sqrt(gx * gx + gy * gy + gz * gz);
                }
            }
        }
    }

    private double axisGradient(double[] u, int p, int i, int n, int stride, double h, int lowFace) {
        double lo = i > 0 ? (u[p] - u[p - stride]) / h : boundaryGradient(u[p], lowFace, h, -1);
        double hi = i < n - 1 ? (u[p + stride] - u[p]) / h : boundaryGradient(u[p], lowFace + 1, h, 1);
        return 0.5 * (lo + hi);
    }

    private double boundaryGradient(double up, int face, double h, int sign) {
        if (faceConductance[face] == null) {
            return 0;
        }
        return sign * (faceValue[face] - up) / (0.5 * h);
    }
}
