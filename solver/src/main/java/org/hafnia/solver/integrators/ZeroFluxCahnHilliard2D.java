package org.hafnia.solver.integrators;

import org.hafnia.meshes.Grid2D;
import org.hafnia.physics.api.FreeEnergyDensity;
import org.hafnia.solver.api.OneStepMethod;

/**
 * Cahn–Hilliard with zero-flux (Neumann) faces, ∂c/∂n = ∂μ/∂n = 0, by the scheme of
 * {@link SpectralCahnHilliard2D} applied to the even reflection of the field: on a cell-centred
 * grid the mirror image across each face is exactly the ghost value of a zero-flux face, so
 * the periodic 5-point operators on the doubled (2nx × 2ny) grid restricted to one quadrant
 * are the Neumann operators on the original grid (the discrete cosine transform, done with
 * FFTs four times the size). Mass is conserved and the energy with zero-flux faces decreases
 * exactly as in the periodic case. PFHub benchmark 1 variation b (physics.md §5).
 */
public final class ZeroFluxCahnHilliard2D implements OneStepMethod {

    private final Grid2D grid;
    private final SpectralCahnHilliard2D periodic;
    private final double[] bigIn;
    private final double[] bigFull;
    private final double[] bigHalf;
    private final double[] bigTwo;

    /** As {@link SpectralCahnHilliard2D#SpectralCahnHilliard2D}, on a grid with zero-flux faces. */
    public ZeroFluxCahnHilliard2D(Grid2D grid, FreeEnergyDensity energy, double kappa, double mobility,
                                  double stabilisation) {
        this.grid = grid;
        Grid2D doubled = new Grid2D(2 * grid.nx(), 2 * grid.ny(), grid.dx(), grid.dy(), grid.unit());
        this.periodic = new SpectralCahnHilliard2D(doubled, energy, kappa, mobility, stabilisation);
        int n = doubled.size();
        bigIn = new double[n];
        bigFull = new double[n];
        bigHalf = new double[n];
        bigTwo = new double[n];
    }

    /** S of the last step. */
    public double stabilisation() {
        return periodic.stabilisation();
    }

    @Override
    public int size() {
        return grid.size();
    }

    @Override
    public int order() {
        return 1;
    }

    @Override
    public double stableStepLimit() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public void step(double[] in, double[] out, double dt) {
        reflect(in, bigIn);
        periodic.step(bigIn, bigFull, dt);
        restrict(bigFull, out);
    }

    @Override
    public void stepDoubling(double[] in, double dt, double[] full, double[] half, double[] twoHalves) {
        reflect(in, bigIn);
        periodic.stepDoubling(bigIn, dt, bigFull, bigHalf, bigTwo);
        restrict(bigFull, full);
        restrict(bigHalf, half);
        restrict(bigTwo, twoHalves);
    }

    /** Even extension across the high x and y faces: c[2n − 1 − i] = c[i]. */
    private void reflect(double[] c, double[] big) {
        int nx = grid.nx();
        int ny = grid.ny();
        int bx = 2 * nx;
        for (int j = 0; j < 2 * ny; j++) {
            int sj = j < ny ? j : 2 * ny - 1 - j;
            for (int i = 0; i < bx; i++) {
                int si = i < nx ? i : bx - 1 - i;
                big[j * bx + i] = c[sj * nx + si];
            }
        }
    }

    private void restrict(double[] big, double[] c) {
        int nx = grid.nx();
        for (int j = 0; j < grid.ny(); j++) {
            System.arraycopy(big, j * 2 * nx, c, j * nx, nx);
        }
    }
}
