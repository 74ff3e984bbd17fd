package org.hafnia.meshes;

/**
 * Transfer of a 2D field between two grids that cover the same physical extent.
 * <ul>
 * <li>{@link #areaAverage}: each target cell receives the area-weighted mean of the source
 * cells it overlaps; conserves the integral exactly (first-order accurate, the natural choice
 * for coarsening a measured map).</li>
 * <li>{@link #bilinear}: each target node receives the bilinear interpolant of the four
 * surrounding source nodes, clamped to the outermost source nodes at the edges (second-order
 * accurate, the natural choice for refining).</li>
 * </ul>
 */
public final class Resampling {

    /** Relative mismatch of the two extents tolerated as round-off in the spacings. */
    private static final double EXTENT_TOLERANCE = 1e-9;

    private Resampling() {
    }

    public static ScalarField2D areaAverage(ScalarField2D source, Grid2D target) {
        Grid2D src = source.grid();
        requireSameExtent(src, target);
        double[][] wx = overlapWeights(src.nx(), src.dx(), target.nx(), target.dx());
        double[][] wy = overlapWeights(src.ny(), src.dy(), target.ny(), target.dy());
        double[] v = source.values();
        double[] out = new double[target.size()];
        // Separable: average along x into an intermediate (target nx × source ny), then along y.
        double[] rows = new double[target.nx() * src.ny()];
        for (int j = 0; j < src.ny(); j++) {
            for (int ti = 0; ti < target.nx(); ti++) {
                double s = 0;
                double[] w = wx[ti];
                for (int i = 0; i < src.nx(); i++) {
                    if (w[i] != 0) {
                        s += w[i] * v[j * src.nx() + i];
                    }
                }
                rows[j * target.nx() + ti] = s;
            }
        }
        for (int tj = 0; tj < target.ny(); tj++) {
            double[] w = wy[tj];
            for (int ti = 0; ti < target.nx(); ti++) {
                double s = 0;
                for (int j = 0; j < src.ny(); j++) {
                    if (w[j] != 0) {
                        s += w[j] * rows[j * target.nx() + ti];
                    }
                }
                out[tj * target.nx() + ti] = s;
            }
        }
        return new ScalarField2D(target, out);
    }

    public static ScalarField2D bilinear(ScalarField2D source, Grid2D target) {
        Grid2D src = source.grid();
        requireSameExtent(src, target);
        double[] v = source.values();
        double[] out = new double[target.size()];
        for (int tj = 0; tj < target.ny(); tj++) {
            double sy = clamp(target.y(tj) / src.dy() - 0.5, src.ny() - 1);
            int j0 = Math.min((int) sy, Math.max(src.ny() - 2, 0));
            int j1 = Math.min(j0 + 1, src.ny() - 1);
            double fy = sy - j0;
            for (int ti = 0; ti < target.nx(); ti++) {
                double sx = clamp(target.x(ti) / src.dx() - 0.5, src.nx() - 1);
                int i0 = Math.min((int) sx, Math.max(src.nx() - 2, 0));
                int i1 = Math.min(i0 + 1, src.nx() - 1);
                double fx = sx - i0;
                double lower = (1 - fx) * v[j0 * src.nx() + i0] + fx * v[j0 * src.nx() + i1];
                double upper = (1 - fx) * v[j1 * src.nx() + i0] + fx * v[j1 * src.nx() + i1];
                out[tj * target.nx() + ti] = (1 - fy) * lower + fy * upper;
            }
        }
        return new ScalarField2D(target, out);
    }

    private static double clamp(double s, int max) {
        return Math.max(0, Math.min(max, s));
    }

    /** w[t][s] = |cell t ∩ cell s| / |cell t| for two 1D partitions of the same interval. */
    private static double[][] overlapWeights(int ns, double ds, int nt, double dt) {
        double[][] w = new double[nt][ns];
        for (int t = 0; t < nt; t++) {
            double a = t * dt;
            double b = (t + 1) * dt;
            int first = Math.max(0, (int) Math.floor(a / ds));
            int last = Math.min(ns - 1, (int) Math.ceil(b / ds));
            for (int s = first; s <= last; s++) {
                double overlap = Math.min(b, (s + 1) * ds) - Math.max(a, s * ds);
                if (overlap > 0) {
                    w[t][s] = overlap / dt;
                }
            }
        }
        return w;
    }

    private static void requireSameExtent(Grid2D a, Grid2D b) {
        if (a.unit() != b.unit()) {
            throw new InvalidInputException("cannot resample between grids in " + a.unit().symbol()
                    + " and " + b.unit().symbol() + ": convert the unit first");
        }
        if (Math.abs(a.width() - b.width()) > EXTENT_TOLERANCE * a.width()
                || Math.abs(a.height() - b.height()) > EXTENT_TOLERANCE * a.height()) {
            throw new InvalidInputException("cannot resample a " + a.width() + " × " + a.height() + " "
                    + a.unit().symbol() + " map onto a " + b.width() + " × " + b.height()
                    + " grid: the extents differ");
        }
    }
}
