package org.hafnia.postprocess.compare;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.InvalidInputException;

/**
 * Hausdorff distance between the boundaries of two masks on the same grid:
 * H = max( max_{a∈∂A} min_{b∈∂B} |a − b|, max_{b∈∂B} min_{a∈∂A} |a − b| ), with distances between
 * node centres in the grid's length unit (anisotropic spacing respected). A boundary node is a
 * mask node with at least one edge neighbour outside the mask; the map's own edge is not a
 * boundary. Exact and linear in the number of nodes: min_{b∈∂B} |a − b|² for every node a is the
 * squared Euclidean distance transform of ∂B, computed separably (rows with weight dx², then
 * columns with weight dy²) by the lower envelope of parabolas of Felzenszwalb &amp; Huttenlocher,
 * "Distance transforms of sampled functions", Theory of Computing 8, 415 (2012).
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
        return Math.sqrt(Math.max(directedSquared(ba, bb, grid), directedSquared(bb, ba, grid)));
    }

    /** max over {@code from} of the squared distance to the nearest node of {@code to}. */
    private static double directedSquared(int[] from, int[] to, Grid2D g) {
        double[] d = squaredDistanceTransform(to, g);
        double worst = 0;
        for (int p : from) {
            worst = Math.max(worst, d[p]);
        }
        return worst;
    }

    /**
     * Squared Euclidean distance of every node to the nearest of {@code sites}: one pass along
     * x (weight dx²) then one along y (weight dy²) of the 1-D transform, O(nx · ny) in all.
     */
    static double[] squaredDistanceTransform(int[] sites, Grid2D g) {
        int nx = g.nx();
        int ny = g.ny();
        double[] f = new double[g.size()];
        java.util.Arrays.fill(f, Double.POSITIVE_INFINITY);
        for (int s : sites) {
            f[s] = 0;
        }
        int n = Math.max(nx, ny);
        double[] line = new double[n];
        double[] out = new double[n];
        int[] v = new int[n];
        double[] z = new double[n + 1];
        double wx = g.dx() * g.dx();
        double wy = g.dy() * g.dy();
        for (int j = 0; j < ny; j++) {
            System.arraycopy(f, j * nx, line, 0, nx);
            transform1d(line, nx, wx, out, v, z);
            System.arraycopy(out, 0, f, j * nx, nx);
        }
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                line[j] = f[j * nx + i];
            }
            transform1d(line, ny, wy, out, v, z);
            for (int j = 0; j < ny; j++) {
                f[j * nx + i] = out[j];
            }
        }
        return f;
    }

    /**
     * d(q) = min_p (w (q − p)² + f(p)) for q = 0 … n − 1 (Felzenszwalb &amp; Huttenlocher 2012,
     * algorithm DT(f)); infinite f(p) (no site on the line) contribute no parabola.
     */
    private static void transform1d(double[] f, int n, double w, double[] d, int[] v, double[] z) {
        int k = -1;
        for (int q = 0; q < n; q++) {
            if (f[q] == Double.POSITIVE_INFINITY) {
                continue;
            }
            double s = Double.NEGATIVE_INFINITY;
            while (k >= 0) {
                int p = v[k];
                // Abscissa where the parabolas from p and q intersect.
                s = ((f[q] + w * q * (double) q) - (f[p] + w * p * (double) p)) / (2 * w * (q - p));
                if (s > z[k]) {
                    break;
                }
                k--;
            }
            k++;
            v[k] = q;
            z[k] = k == 0 ? Double.NEGATIVE_INFINITY : s;
            z[k + 1] = Double.POSITIVE_INFINITY;
        }
        if (k < 0) {
            java.util.Arrays.fill(d, 0, n, Double.POSITIVE_INFINITY);
            return;
        }
        int m = 0;
        for (int q = 0; q < n; q++) {
            while (z[m + 1] < q) {
                m++;
            }
            double e = q - v[m];
            d[q] = w * e * e + f[v[m]];
        }
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
