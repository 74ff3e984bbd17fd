package org.hafnia.physics.energy;

import org.hafnia.meshes.AxisBoundary;
import org.hafnia.meshes.BoundaryCondition;
import org.hafnia.meshes.BoundaryConditions3D;
import org.hafnia.meshes.Grid3D;
import org.hafnia.physics.api.FreeEnergyDensity;

/**
 * Discrete Ginzburg–Landau free energy of a 3D field,
 * F[φ] = Σ_nodes f(φ) ΔV + (κ/2) Σ_faces ((φ_b − φ_a)/h)² ΔV,
 * the 3D form of {@link GinzburgLandauFunctional} with the same face rule (interior and periodic
 * faces (κ/2)(Δφ/h)², zero-flux faces nothing, Dirichlet faces (κ/4)((ghost − φ)/h)²), so that
 * −(1/ΔV) ∂F/∂φ is exactly −f'(φ) + κ ∇²_h φ for the 7-point Laplacian of
 * {@link org.hafnia.meshes.FiniteDifferenceLaplacian} with the same boundary conditions: the
 * explicit 3D Allen–Cahn flow is a gradient flow of this F.
 */
public final class GinzburgLandauFunctional3D {

    private final Grid3D grid;
    private final BoundaryConditions3D bc;
    private final FreeEnergyDensity bulk;
    private final double kappa;

    public GinzburgLandauFunctional3D(Grid3D grid, BoundaryConditions3D bc, FreeEnergyDensity bulk, double kappa) {
        this.grid = grid;
        this.bc = bc;
        this.bulk = bulk;
        this.kappa = kappa;
    }

    /** F[φ], in the bulk energy's unit × length unit³. Summed in index order (deterministic). */
    public double energy(double[] phi) {
        return bulkEnergy(phi) + gradientEnergy(phi);
    }

    public double bulkEnergy(double[] phi) {
        double s = 0;
        for (double p : phi) {
            s += bulk.value(p);
        }
        return s * grid.cellVolume();
    }

    public double gradientEnergy(double[] phi) {
        int nx = grid.nx();
        int ny = grid.ny();
        int nz = grid.nz();
        int plane = nx * ny;
        double sx = 0;
        double sy = 0;
        double sz = 0;
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                int row = k * plane + j * nx;
                sx = axis(bc.x(), phi, row, 1, nx, sx);
            }
            for (int i = 0; i < nx; i++) {
                sy = axis(bc.y(), phi, k * plane + i, nx, ny, sy);
            }
        }
        for (int c = 0; c < plane; c++) {
            sz = axis(bc.z(), phi, c, plane, nz, sz);
        }
        double hx2 = grid.dx() * grid.dx();
        double hy2 = grid.dy() * grid.dy();
        double hz2 = grid.dz() * grid.dz();
        return 0.5 * kappa * (sx / hx2 + sy / hy2 + sz / hz2) * grid.cellVolume();
    }

    /**
     * {@code s} plus Σ (Δφ)² over the faces of one grid line of {@code n} nodes from {@code first}
     * in steps of {@code stride}, added one by one (the summation order of the 2D functional).
     */
    private static double axis(AxisBoundary axis, double[] phi, int first, int stride, int n, double sum) {
        double s = sum;
        for (int m = 0; m + 1 < n; m++) {
            double d = phi[first + (m + 1) * stride] - phi[first + m * stride];
            s += d * d;
        }
        return s + boundaryFaces(axis, phi[first], phi[first + (n - 1) * stride], n);
    }

    /** Σ over the two boundary faces of an axis of (Δφ)², weighted as in the class comment. */
    private static double boundaryFaces(AxisBoundary axis, double first, double last, int n) {
        if (axis.isPeriodic()) {
            double d = n > 1 ? first - last : 0;
            return d * d;
        }
        return dirichletFace(axis.low(), first) + dirichletFace(axis.high(), last);
    }

    private static double dirichletFace(BoundaryCondition c, double inside) {
        if (c instanceof BoundaryCondition.Dirichlet) {
            double d = c.ghostOffset() + c.ghostScale() * inside - inside;
            return 0.5 * d * d;
        }
        return 0;
    }
}
