package org.hafnia.solver.integrators;

import org.hafnia.meshes.BoundaryConditions3D;
import org.hafnia.meshes.Grid3D;
import org.hafnia.physics.api.FreeEnergyDensity;

/**
 * The 3D Allen–Cahn model ∂φ/∂t = L (−f'(φ) + κ ∇²φ − b) on a film of nx × ny × nz nodes, φ
 * clipped to [0, 1] after every step when {@code clip} is set (physics.md §1.1); the 3D form of
 * {@link AllenCahnModel2D}, with the same parameter checks.
 *
 * @param grid     the grid; its spacing is the h of the 7-point Laplacian
 * @param bc       boundary conditions
 * @param energy   bulk free-energy density f
 * @param kappa    gradient coefficient κ (energy × length²)
 * @param mobility kinetic coefficient L (1 / (energy × time))
 * @param clip     clip φ to [0, 1] after each step
 */
public record AllenCahnModel3D(Grid3D grid, BoundaryConditions3D bc, FreeEnergyDensity energy,
                               double kappa, double mobility, boolean clip) {

    public AllenCahnModel3D {
        AllenCahnModel2D.requireCoefficients(kappa, mobility);
    }

    /** The stiffest rate of the explicit scheme, L (2κ (1/dx² + 1/dy² + 1/dz²) + max|f''|). */
    public double explicitRate() {
        double dx = grid.dx();
        double dy = grid.dy();
        double dz = grid.dz();
        return mobility * (2 * kappa * (1 / (dx * dx) + 1 / (dy * dy) + 1 / (dz * dz)) + energy.maxCurvature());
    }
}
