package org.hafnia.solver.kernels;

import org.hafnia.meshes.AxisBoundary;
import org.hafnia.physics.api.FreeEnergyDensity;

/**
 * The reference the fused kernel must reproduce: the straightforward per-node explicit step
 * (the loop the 2D stepper had before the fused kernel), one interface call and a boundary
 * branch per node, generalised to 3D (nz = 1 and {@code bz} null for 2D).
 */
final class StraightforwardAllenCahnStep {

    private StraightforwardAllenCahnStep() {
    }

    static void step(int nx, int ny, int nz, double dx, double dy, double dz, AxisBoundary bx, AxisBoundary by,
                     AxisBoundary bz, FreeEnergyDensity energy, double kappa, double mobility, boolean clip,
                     double[] p, double[] out, double dt, double bias, double[] profile) {
        double cx = kappa / (dx * dx);
        double cy = kappa / (dy * dy);
        double cz = kappa / (dz * dz);
        double rate = dt * mobility;
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int idx = (k * ny + j) * nx + i;
                    double c = p[idx];
                    double w = bx.lowerNeighbour(p, idx, i, nx, 1);
                    double e = bx.upperNeighbour(p, idx, i, nx, 1);
                    double s = by.lowerNeighbour(p, idx, j, ny, nx);
                    double n = by.upperNeighbour(p, idx, j, ny, nx);
                    double lap = cx * (w + e - 2 * c) + cy * (s + n - 2 * c);
                    if (bz != null) {
                        double b = bz.lowerNeighbour(p, idx, k, nz, nx * ny);
                        double t = bz.upperNeighbour(p, idx, k, nz, nx * ny);
                        lap += cz * (b + t - 2 * c);
                    }
                    double b = profile == null ? bias : bias * profile[idx];
                    double v = c + rate * (-energy.derivative(c) + lap - b);
                    if (clip) {
                        v = v < 0 ? 0 : (v > 1 ? 1 : v);
                    }
                    out[idx] = v;
                }
            }
        }
    }
}
