package org.hafnia.postprocess.compare;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.InvalidInputException;

/**
 * Hausdorff distance between the boundaries of two masks on the same grid:
 * H = max( max_{a∈∂A} min_{b∈∂B} |a − b|, max_{b∈∂B} min_{a∈∂A} |a − b| ), with distances between
 * node centres in the grid's length unit (anisotropic spacing respected). A boundary node is a
 * mask node with at least one edge neighbour outside the mask; the map's own edge is not a
 * boundary. Exact, by direct search over the boundary nodes (O(|∂A| |∂B|)).
 */
public final class HausdorffDistance {

    private HausdorffDistance() {
    }

    /** H in the grid's unit; NaN when either boundary is empty. */
    public static double between(boolean[] a, boolean[] b, Grid2D grid) {
        if (a.length != grid.size() || b.length != grid.size()) {
            throw new InvalidInputException("masks do not match the " + grid.nx() + " × " + grid.ny() + " grid");
        }
        int[] ba = boundary(a, grid);
        int[] bb = boundary(b, grid);
        if (ba.length == 0 || bb.length == 0) {
            return Double.NaN;
        }
        return Math.max(directed(ba, bb, grid), directed(bb, ba, grid));
    }

    private static double directed(int[] from, int[] to, Grid2D g) {
        int nx = g.nx();
        double dx = g.dx();
        double dy = g.dy();
        double worst = 0;
        for (int p : from) {
            int pi = p % nx;
            int pj = p / nx;
            double best = Double.POSITIVE_INFINITY;
            for (int q : to) {
                double ex = (q % nx - pi) * dx;
                double ey = (q / nx - pj) * dy;
                best = Math.min(best, ex * ex + ey * ey);
            }
            worst = Math.max(worst, best);
        }
        return Math.sqrt(worst);
    }

    /** Indices of the boundary nodes of {@code mask}. */
    static int[] boundary(boolean[] mask, Grid2D g) {
        int nx = g.nx();
        int ny = g.ny();
        int[] out = new int[mask.length];
        int n = 0;
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int k = j * nx + i;
                if (!mask[k]) {
                    continue;
                }
                boolean edge = (i > 0 && !mask[k - 1]) || (i < nx - 1 && !mask[k + 1])
                        || (j > 0 && !mask[k - nx]) || (j < ny - 1 && !mask[k + nx]);
                if (edge) {
                    out[n++] = k;
                }
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
