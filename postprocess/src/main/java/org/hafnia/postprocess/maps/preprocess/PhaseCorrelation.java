package org.hafnia.postprocess.maps.preprocess;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.postprocess.maps.ScanMap;

/**
 * Registration of two maps on the same grid by a translation, estimated by phase correlation
 * (Kuglin and Hines 1975): with A, B the 2-D Fourier transforms of the mean-removed, Hann-windowed
 * maps zero-padded to powers of two (Commons Math FFT), the normalised cross-power spectrum
 * R = conj(A) B / (|conj(A) B| + ε max|conj(A) B|) has an inverse transform peaked at the shift s
 * with b(x) ≈ a(x − s). ε = 1e-6 keeps frequencies that carry no signal from contributing noise.
 * The integer peak is refined to sub-pixel precision by evaluating the band-limited correlation
 * Re Σ R(u, v) exp(2πi (u x / Px + v y / Py)) on successively finer grids around it (the
 * "upsampled DFT" of Guizar-Sicairos, Thurman and Fienup, Opt. Lett. 33, 156 (2008)): a 1/10-node
 * grid over ±1.5 nodes, then a 1/200-node grid over ±0.1 node, i.e. 0.005-node resolution.
 * A window fixed in the frame biases the estimate towards zero, so the estimate is iterated with
 * the moving map's window displaced by the current shift until it changes by less than 0.002 node.
 */
public final class PhaseCorrelation {

    private static final double EPSILON = 1e-6;
    /** Window-following iterations and their convergence threshold in nodes. */
    private static final int MAX_ITERATIONS = 8;
    private static final double CONVERGED = 0.002;

    /**
     * @param shiftX shift of the moving map in nodes along x (b(x) ≈ a(x − s))
     * @param shiftY shift along y, in nodes
     * @param peak   height of the refined correlation peak, in (0, 1] (1 for a pure circular shift)
     */
    public record Shift(double shiftX, double shiftY, double peak) {
    }

    private PhaseCorrelation() {
    }

    /** The shift of {@code moving} relative to {@code reference}. */
    public static Shift estimate(ScanMap reference, ScanMap moving) {
        Grid2D g = reference.grid();
        if (g.nx() != moving.grid().nx() || g.ny() != moving.grid().ny()) {
            throw new InvalidInputException("registration needs two maps on the same grid, got " + g.nx() + " × " + g.ny()
                    + " and " + moving.grid().nx() + " × " + moving.grid().ny() + "; resample first");
        }
        int px = Integer.highestOneBit(Math.max(1, g.nx() - 1)) << 1;
        int py = Integer.highestOneBit(Math.max(1, g.ny() - 1)) << 1;
        Complex[][] fa = fft2(windowed(reference.values(), g.nx(), g.ny(), px, py, 0, 0));
        // A window fixed in the frame pulls the estimate towards zero shift (by ~4 % here); moving
        // the second map's window with the estimated shift removes that bias at the fixed point.
        Shift s = new Shift(0, 0, 0);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            Shift next = correlate(fa, fft2(windowed(moving.values(), g.nx(), g.ny(), px, py, s.shiftX(), s.shiftY())),
                    px, py);
            boolean converged = Math.abs(next.shiftX() - s.shiftX()) < CONVERGED
                    && Math.abs(next.shiftY() - s.shiftY()) < CONVERGED;
            s = next;
            if (converged) {
                break;
            }
        }
        return s;
    }

    private static Shift correlate(Complex[][] fa, Complex[][] fb, int px, int py) {
        double[][] re = new double[py][px];
        double[][] im = new double[py][px];
        double max = 0;
        for (int v = 0; v < py; v++) {
            for (int u = 0; u < px; u++) {
                Complex c = fa[v][u].conjugate().multiply(fb[v][u]);
                re[v][u] = c.getReal();
                im[v][u] = c.getImaginary();
                max = Math.max(max, c.abs());
            }
        }
        if (!(max > 0)) {
            throw new InvalidInputException("registration needs maps with structure: one of them is constant");
        }
        Complex[][] r = new Complex[py][px];
        for (int v = 0; v < py; v++) {
            for (int u = 0; u < px; u++) {
                double m = Math.hypot(re[v][u], im[v][u]) + EPSILON * max;
                re[v][u] /= m;
                im[v][u] /= m;
                r[v][u] = new Complex(re[v][u], im[v][u]);
            }
        }
        // Integer peak from the inverse FFT.
        Complex[][] corr = ifft2(r);
        int bx = 0;
        int by = 0;
        for (int y = 0; y < py; y++) {
            for (int x = 0; x < px; x++) {
                if (corr[y][x].getReal() > corr[by][bx].getReal()) {
                    bx = x;
                    by = y;
                }
            }
        }
        double[] best = {bx > px / 2 ? bx - px : bx, by > py / 2 ? by - py : by, 0};
        refine(re, im, px, py, best, 1.5, 0.1);
        refine(re, im, px, py, best, 0.1, 0.005);
        return new Shift(best[0], best[1], best[2] / ((double) px * py));
    }

    /** Searches a (2 half / step + 1)² grid around best[0..1], leaving the maximum in best. */
    private static void refine(double[][] re, double[][] im, int px, int py, double[] best, double half, double step) {
        int n = (int) Math.round(half / step);
        int m = 2 * n + 1;
        double[] xs = new double[m];
        double[] ys = new double[m];
        for (int k = 0; k < m; k++) {
            xs[k] = best[0] + (k - n) * step;
            ys[k] = best[1] + (k - n) * step;
        }
        // T(x, v) = Σ_u R(u, v) e^{2πi u x / px}, then c(x, y) = Re Σ_v e^{2πi v y / py} T(x, v).
        double[][] tr = new double[m][py];
        double[][] ti = new double[m][py];
        for (int a = 0; a < m; a++) {
            for (int u = 0; u < px; u++) {
                double fu = u < px / 2 ? u : u - px;
                double ang = 2 * Math.PI * fu * xs[a] / px;
                double c = Math.cos(ang);
                double s = Math.sin(ang);
                for (int v = 0; v < py; v++) {
                    tr[a][v] += re[v][u] * c - im[v][u] * s;
                    ti[a][v] += re[v][u] * s + im[v][u] * c;
                }
            }
        }
        double bestValue = Double.NEGATIVE_INFINITY;
        double bx = best[0];
        double by = best[1];
        for (int b = 0; b < m; b++) {
            double[] c = new double[py];
            double[] s = new double[py];
            for (int v = 0; v < py; v++) {
                double fv = v < py / 2 ? v : v - py;
                double ang = 2 * Math.PI * fv * ys[b] / py;
                c[v] = Math.cos(ang);
                s[v] = Math.sin(ang);
            }
            for (int a = 0; a < m; a++) {
                double sum = 0;
                for (int v = 0; v < py; v++) {
                    sum += tr[a][v] * c[v] - ti[a][v] * s[v];
                }
                if (sum > bestValue) {
                    bestValue = sum;
                    bx = xs[a];
                    by = ys[b];
                }
            }
        }
        best[0] = bx;
        best[1] = by;
        best[2] = bestValue;
    }

    /**
     * Mean-removed values times a Hann window displaced by (ox, oy) nodes (zero outside it),
     * zero-padded to px × py.
     */
    private static double[][] windowed(double[] v, int nx, int ny, int px, int py, double ox, double oy) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double[][] out = new double[py][px];
        for (int j = 0; j < ny; j++) {
            double wy = hann((j + 0.5 - oy) / ny);
            for (int i = 0; i < nx; i++) {
                double wx = hann((i + 0.5 - ox) / nx);
                out[j][i] = (v[j * nx + i] - mean) * wx * wy;
            }
        }
        return out;
    }

    /** The Hann window on [0, 1], zero outside. */
    private static double hann(double t) {
        return t <= 0 || t >= 1 ? 0 : 0.5 - 0.5 * Math.cos(2 * Math.PI * t);
    }

    private static Complex[][] fft2(double[][] a) {
        Complex[][] c = new Complex[a.length][];
        for (int y = 0; y < a.length; y++) {
            c[y] = new Complex[a[y].length];
            for (int x = 0; x < a[y].length; x++) {
                c[y][x] = new Complex(a[y][x]);
            }
        }
        return transform(c, TransformType.FORWARD);
    }

    private static Complex[][] ifft2(Complex[][] c) {
        return transform(c, TransformType.INVERSE);
    }

    /** 2-D transform: rows, then columns (commons-math3 needs power-of-two lengths). */
    private static Complex[][] transform(Complex[][] c, TransformType type) {
        FastFourierTransformer fft = new FastFourierTransformer(DftNormalization.STANDARD);
        int py = c.length;
        int px = c[0].length;
        Complex[][] rows = new Complex[py][];
        for (int y = 0; y < py; y++) {
            rows[y] = fft.transform(c[y], type);
        }
        Complex[] col = new Complex[py];
        for (int x = 0; x < px; x++) {
            for (int y = 0; y < py; y++) {
                col[y] = rows[y][x];
            }
            Complex[] t = fft.transform(col, type);
            for (int y = 0; y < py; y++) {
                rows[y][x] = t[y];
            }
        }
        return rows;
    }

    /**
     * Registers {@code moving} onto {@code reference}: estimates the shift and moves the map back
     * by it (bilinear interpolation, edges clamped to the nearest node).
     */
    public static PreprocessingStep.Result register(ScanMap reference, ScanMap moving) {
        Shift s = estimate(reference, moving);
        Grid2D g = moving.grid();
        int nx = g.nx();
        int ny = g.ny();
        double[] v = moving.values();
        double[] out = new double[v.length];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                out[j * nx + i] = RotationScaleSearch.bilinear(v, nx, ny, i + s.shiftX(), j + s.shiftY());
            }
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("method", "FFT phase correlation, upsampled-DFT peak refinement to 0.005 node");
        p.put("shift_x_nodes", s.shiftX());
        p.put("shift_y_nodes", s.shiftY());
        p.put("shift_x", s.shiftX() * g.dx());
        p.put("shift_y", s.shiftY() * g.dy());
        p.put("length_unit", g.unit().symbol());
        p.put("peak", s.peak());
        p.put("resampling", "bilinear, edges clamped");
        return new PreprocessingStep.Result(moving.withValues(out), new PreprocessingStep("registration", p));
    }
}
