package org.hafnia.solver.integrators;

import org.hafnia.meshes.BoundaryConditions2D;
import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.api.FreeEnergyDensity;

/**
 * The 2D Allen–Cahn model ∂φ/∂t = L (−f'(φ) + κ ∇²φ − b), with φ clipped to [0, 1] after every
 * step when {@code clip} is set (physics.md §1.1).
 *
 * @param grid     the grid; its spacing is the h of the Laplacian
 * @param bc       boundary conditions
 * @param energy   bulk free-energy density f
 * @param kappa    gradient coefficient κ (energy × length²)
 * @param mobility kinetic coefficient L (1 / (energy × time)); 1 in the published run
 * @param clip     clip φ to [0, 1] after each step
 */
public record AllenCahnModel2D(Grid2D grid, BoundaryConditions2D bc, FreeEnergyDensity energy,
                               double kappa, double mobility, boolean clip) {

    public AllenCahnModel2D {
        requireCoefficients(kappa, mobility);
    }

    /** Checks κ ≥ 0 and L > 0, both finite. */
    static void requireCoefficients(double kappa, double mobility) {
        if (!(kappa >= 0) || !Double.isFinite(kappa)) {
            throw new InvalidInputException("gradient coefficient κ must be ≥ 0 and finite, got " + kappa);
        }
        if (!(mobility > 0) || !Double.isFinite(mobility)) {
            throw new InvalidInputException("mobility L must be positive and finite, got " + mobility);
        }
    }

    /**
     * The published grid scaling (physics.md §1.1): unit reduced spacing in the stencil with the
     * gradient coefficient multiplied by the node count, κ∇²φ ≈ K·Nx·Ny·(Σ neighbours − 4φ).
     * Equivalent to an isotropic spacing h = (Nx·Ny)^−½ with κ = K, which is what this returns.
     */
    public static Grid2D publishedGrid(int nx, int ny) {
        double h = 1.0 / Math.sqrt((double) nx * ny);
        return new Grid2D(nx, ny, h, h, org.hafnia.meshes.LengthUnit.REDUCED);
    }

    /** The stiffest rate of the explicit scheme, L (2κ (1/dx² + 1/dy²) + max|f''|). */
    public double explicitRate() {
        double dx = grid.dx();
        double dy = grid.dy();
        return mobility * (2 * kappa * (1 / (dx * dx) + 1 / (dy * dy)) + energy.maxCurvature());
    }
}
