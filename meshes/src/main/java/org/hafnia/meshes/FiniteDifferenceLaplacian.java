package org.hafnia.meshes;

/**
 * Second-order central-difference Laplacian on cell-centred grids: the 5-point stencil in 2D,
 * (φ[i+1,j] + φ[i−1,j] − 2φ[i,j]) / dx² + (φ[i,j+1] + φ[i,j−1] − 2φ[i,j]) / dy², and the
 * 7-point stencil in 3D. Boundary nodes use the ghost values of {@link BoundaryCondition}.
 * Truncation error O(dx² + dy²) in the interior.
 */
public final class FiniteDifferenceLaplacian {

    private FiniteDifferenceLaplacian() {
    }

    /** Writes ∇²φ of {@code phi} into {@code out} (distinct arrays). */
    public static void apply(Grid2D grid, BoundaryConditions2D bc, double[] phi, double[] out) {
        int nx = grid.nx();
        int ny = grid.ny();
        double cx = 1.0 / (grid.dx() * grid.dx());
        double cy = 1.0 / (grid.dy() * grid.dy());
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int idx = j * nx + i;
                double c = phi[idx];
                double w = bc.x().lowerNeighbour(phi, idx, i, nx, 1);
                double e = bc.x().upperNeighbour(phi, idx, i, nx, 1);
                double s = bc.y().lowerNeighbour(phi, idx, j, ny, nx);
                double n = bc.y().upperNeighbour(phi, idx, j, ny, nx);
                out[idx] = cx * (w + e - 2 * c) + cy * (s + n - 2 * c);
            }
        }
    }

    /** Writes ∇²φ of {@code phi} into {@code out} (distinct arrays). */
    public static void apply(Grid3D grid, BoundaryConditions3D bc, double[] phi, double[] out) {
        int nx = grid.nx();
        int ny = grid.ny();
        int nz = grid.nz();
        int plane = nx * ny;
        double cx = 1.0 / (grid.dx() * grid.dx());
        double cy = 1.0 / (grid.dy() * grid.dy());
        double cz = 1.0 / (grid.dz() * grid.dz());
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int idx = (k * ny + j) * nx + i;
                    double c = phi[idx];
                    double w = bc.x().lowerNeighbour(phi, idx, i, nx, 1);
                    double e = bc.x().upperNeighbour(phi, idx, i, nx, 1);
                    double s = bc.y().lowerNeighbour(phi, idx, j, ny, nx);
                    double n = bc.y().upperNeighbour(phi, idx, j, ny, nx);
                    double b = bc.z().lowerNeighbour(phi, idx, k, nz, plane);
                    double t = bc.z().upperNeighbour(phi, idx, k, nz, plane);
                    out[idx] = cx * (w + e - 2 * c) + cy * (s + n - 2 * c) + cz * (b + t - 2 * c);
                }
            }
        }
    }
}
