package org.hafnia.physics.energy;

import org.hafnia.meshes.AxisBoundary;
import org.hafnia.meshes.BoundaryConditions2D;
import org.hafnia.meshes.BoundaryConditions3D;
import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.Grid3D;
import org.hafnia.physics.api.FreeEnergyDensity;

/**
 * Discrete Ginzburg–Landau free energy of a 2D field,
 * F[φ] = Σ_nodes f(φ) ΔA + (κ/2) Σ_faces ((φ_b − φ_a)/h)² ΔA,
 * with the face sum built so that −(1/ΔA) ∂F/∂φ is exactly −f'(φ) + κ ∇²_h φ for the 5-point
 * Laplacian of {@link org.hafnia.meshes.FiniteDifferenceLaplacian} with the same boundary
 * conditions: interior and periodic faces carry (κ/2)(Δφ/h)², zero-flux faces nothing, a
 * Dirichlet face (κ/4)((ghost − φ)/h)². The explicit Allen–Cahn flow of this F therefore
 * decreases it whenever Δt is inside the stability limit and the bias is zero.
 *
 * <p>Evaluated as the {@link GinzburgLandauFunctional3D} of a single layer of unit depth with
 * zero-flux z faces (which carry nothing), so ΔV = ΔA and the sums are the same, term by term.
 */
public final class GinzburgLandauFunctional {

    private final GinzburgLandauFunctional3D layer;

    public GinzburgLandauFunctional(Grid2D grid, BoundaryConditions2D bc, FreeEnergyDensity bulk, double kappa) {
        this.layer = new GinzburgLandauFunctional3D(new Grid3D(grid.nx(), grid.ny(), 1, grid.dx(), grid.dy(), 1, grid.unit()),
                new BoundaryConditions3D(bc.x(), bc.y(), AxisBoundary.zeroFlux()), bulk, kappa);
    }

    /** F[φ], in the bulk energy's unit × length unit². Summed in index order (deterministic). */
    public double energy(double[] phi) {
        return layer.energy(phi);
    }

    public double bulkEnergy(double[] phi) {
        return layer.bulkEnergy(phi);
    }

    public double gradientEnergy(double[] phi) {
        return layer.gradientEnergy(phi);
    }
}
