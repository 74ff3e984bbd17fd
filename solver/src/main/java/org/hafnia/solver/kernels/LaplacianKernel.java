package org.hafnia.solver.kernels;

import org.hafnia.meshes.BoundaryConditions2D;
import org.hafnia.meshes.BoundaryConditions3D;
import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.Grid3D;
import org.hafnia.solver.parallel.ParallelRows;

/**
 * The 5-point (2D) and 7-point (3D) Laplacian on cell-centred nodes,
 * ∇²_h φ = (φ[i+1] + φ[i−1] − 2φ[i]) / dx² + (same in y) [+ (same in z)], second order in the
 * spacing; boundary nodes use the ghost values of their faces. The same expression as
 * {@link org.hafnia.meshes.FiniteDifferenceLaplacian}, bit for bit, as a multithreaded kernel
 * without boundary branches in the interior.
 */
public final class LaplacianKernel extends StencilSweep {

    public LaplacianKernel(Grid2D grid, BoundaryConditions2D bc) {
        super(grid.nx(), grid.ny(), 1, false, 1 / (grid.dx() * grid.dx()), 1 / (grid.dy() * grid.dy()), 0,
                bc.x(), bc.y(), null);
    }

    public LaplacianKernel(Grid3D grid, BoundaryConditions3D bc) {
        super(grid.nx(), grid.ny(), grid.nz(), true, 1 / (grid.dx() * grid.dx()), 1 / (grid.dy() * grid.dy()),
                1 / (grid.dz() * grid.dz()), bc.x(), bc.y(), bc.z());
    }

    /** Writes ∇²_h φ of {@code phi} into {@code out} (distinct arrays). */
    public void apply(double[] phi, double[] out, ParallelRows rows) {
        sweep(phi, out, rows);
    }

    @Override
    double update(int idx, double c, double lap) {
        return lap;
    }

    @Override
    void interior(int row, Rows rows, int i0, int i1) {
        double[] p = src;
        double[] out = dst;
        double kx = cx;
        double ky = cy;
        double kz = cz;
        if (simd(i0, i1)) {
            VectorRows.laplacian(p, row, rows, i0, i1, kx, ky, kz, threeD, out);
            return;
        }
        double[] s = rows.south;
        double[] n = rows.north;
        int so = rows.southOffset;
        int no = rows.northOffset;
        if (threeD) {
            double[] be = rows.below;
            double[] ab = rows.above;
            int bo = rows.belowOffset;
            int ao = rows.aboveOffset;
            for (int i = i0; i < i1; i++) {
                int idx = row + i;
                double c = p[idx];
                out[idx] = kx * (p[idx - 1] + p[idx + 1] - 2 * c) + ky * (s[so + i] + n[no + i] - 2 * c)
                        + kz * (be[bo + i] + ab[ao + i] - 2 * c);
            }
        } else {
            for (int i = i0; i < i1; i++) {
                int idx = row + i;
                double c = p[idx];
                out[idx] = kx * (p[idx - 1] + p[idx + 1] - 2 * c) + ky * (s[so + i] + n[no + i] - 2 * c);
            }
        }
    }
}
