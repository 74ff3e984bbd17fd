package org.hafnia.physics.energy;

import org.hafnia.meshes.AxisBoundary;
import org.hafnia.meshes.BoundaryCondition;
import org.hafnia.meshes.BoundaryConditions2D;
import org.hafnia.meshes.Grid2D;
import org.hafnia.physics.api.FreeEnergyDensity;

/**
 * Discrete Ginzburg–Landau free energy of a 2D field,
 * F[φ] = Σ_nodes f(φ) ΔA + (κ/2) Σ_faces ((φ_b − φ_a)/h)² ΔA,
 * with the face sum built so that −(1/ΔA) ∂F/∂φ is exactly −f'(φ) + κ ∇²_h φ for the 5-point
 * Laplacian of {@link org.hafnia.meshes.FiniteDifferenceLaplacian} with the same boundary
 * conditions: interior and periodic faces carry (κ/2)(Δφ/h)², zero-flux faces nothing, a
 * Dirichlet face (κ/4)((ghost − φ)/h)². The explicit Allen–Cahn flow of this F therefore
 * decreases it whenever Δt is inside the stability limit and the bias is zero.
 */
public final class GinzburgLandauFunctional {

    private final Grid2D grid;
    private final BoundaryConditions2D bc;
    private final FreeEnergyDensity bulk;
    private final double kappa;

    public GinzburgLandauFunctional(Grid2D grid, BoundaryConditions2D bc, FreeEnergyDensity bulk, double kappa) {
        this.grid = grid;
        this.bc = bc;
        this.bulk = bulk;
        this.kappa = kappa;
    }

    /** F[φ], in the bulk energy's unit × length unit². Summed in index order (deterministic). */
    public double energy(double[] phi) {
        return bulkEnergy(phi) + gradientEnergy(phi);
    }

    public double bulkEnergy(double[] phi) {
        double s = 0;
        for (double p : phi) {
            s += bulk.value(p);
        }
        return s * grid.cellArea();
    }

    public double gradientEnergy(double[] phi) {
        int nx = grid.nx();
        int ny = grid.ny();
        double sx = 0;
        double sy = 0;
        for (int j = 0; j < ny; j++) {
            int row = j * nx;
            for (int i = 0; i + 1 < nx; i++) {
                double d = phi[row + i + 1] - phi[row + i];
                sx += d * d;
            }
            sx += boundaryFaces(bc.x(), phi[row], phi[row + nx - 1], nx);
        }
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j + 1 < ny; j++) {
                double d = phi[(j + 1) * nx + i] - phi[j * nx + i];
                sy += d * d;
            }
            sy += boundaryFaces(bc.y(), phi[i], phi[(ny - 1) * nx + i], ny);
        }
        double hx2 = grid.dx() * grid.dx();
        double hy2 = grid.dy() * grid.dy();
        return 0.5 * kappa * (sx / hx2 + sy / hy2) * grid.cellArea();
    }

    /** Σ over the two boundary faces of an axis of (Δφ)², weighted as in the class comment. */
    static double boundaryFaces(AxisBoundary axis, double first, double last, int n) {
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
