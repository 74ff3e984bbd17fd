package org.hafnia.solver.integrators;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.api.FreeEnergyDensity;
import org.hafnia.solver.api.OneStepMethod;
import org.hafnia.solver.spectral.Fft2D;

/**
 * Cahn–Hilliard dynamics of a conserved field c (e.g. vacancy concentration) on a periodic 2D
 * grid, ∂c/∂t = M ∇²μ, μ = f'(c) − κ∇²c (physics.md §1.3, §5), by the linearly stabilised
 * semi-implicit Euler scheme (Shen & Yang, Discrete Contin. Dyn. Syst. A 28, 1669 (2010)):
 * (cⁿ⁺¹ − cⁿ)/Δt = M ∇²_h [f'(cⁿ) + S (cⁿ⁺¹ − cⁿ) − κ ∇²_h cⁿ⁺¹],
 * solved exactly in Fourier space. ∇²_h is the 5-point Laplacian, whose symbol is
 * −λ(k) = −(4/dx²) sin²(k_x dx/2) − (4/dy²) sin²(k_y dy/2), so the scheme is the standard
 * second-order finite-difference discretisation in space (its energy is the discrete
 * Ginzburg–Landau functional with forward differences) and first order in time:
 * ĉⁿ⁺¹ = [ĉⁿ (1 + Δt M λ S) − Δt M λ f̂'] / (1 + Δt M λ (S + κ λ)).
 *
 * <p>Mass: the k = 0 mode is left unchanged, so Σ c is conserved up to the round-off of one
 * FFT pair per step. Stability: the discrete energy decreases for every Δt when S ≥ L/2, L the
 * Lipschitz constant of f' over the values cⁿ and cⁿ⁺¹ take (Shen & Yang 2010, Thm. 2), so Δt
 * is not bound by the explicit limit Δt ≲ h⁴/(8 M κ). S is either fixed (at least
 * max|f''|/2 on [0, 1]; smaller is refused) or range-adaptive: each step takes
 * S = max|f''|/2 over the range of cⁿ widened by a margin, checks that cⁿ⁺¹ stayed inside it,
 * and otherwise widens the range and repeats the step. The range-adaptive S keeps the
 * guarantee while adding far less artificial damping (S·Δt·∂c/∂t) when c is near a
 * composition of small |f''|, e.g. the early stage of spinodal decomposition.
 *
 * <p>Real fields are transformed in pairs as one complex field (c + i f'(c) forward, two
 * results back), so a step costs two complex FFTs and a step-doubling attempt four.
 */
public final class SpectralCahnHilliard2D implements OneStepMethod {

    /** Range margin of the adaptive S: a tenth of the present spread, plus 1e-3 in c. */
    private static final double MARGIN_FRACTION = 0.1;
    private static final double MARGIN_FLOOR = 1e-3;
    private static final int MAX_WIDENINGS = 20;

    private final Grid2D grid;
    private final FreeEnergyDensity energy;
    private final double kappa;
    private final double mobility;
    private final double fixedStabilisation;
    private double stabilisation;
    private double lo;
    private double hi;
    private final Fft2D fft;
    private final double[] lambda;
    private final int[] mirror;
    // Work arrays: packed transform, the two spectra of the input, the half-step spectrum.
    private final double[] zr;
    private final double[] zi;
    private final double[] cr;
    private final double[] ci;
    private final double[] gr;
    private final double[] gi;
    private final double[] hr;
    private final double[] hi2;

    /**
     * @param grid          periodic grid, sizes powers of two
     * @param energy        bulk free energy f(c)
     * @param kappa         gradient coefficient κ (> 0)
     * @param mobility      M (> 0)
     * @param stabilisation fixed S ≥ max|f''|/2 on [0, 1], or NaN for the range-adaptive S
     */
    public SpectralCahnHilliard2D(Grid2D grid, FreeEnergyDensity energy, double kappa, double mobility,
                                  double stabilisation) {
        if (!(kappa > 0) || !(mobility > 0) || !Double.isFinite(kappa) || !Double.isFinite(mobility)) {
            throw new InvalidInputException("Cahn–Hilliard needs κ > 0 and M > 0, got κ = " + kappa + ", M = " + mobility);
        }
        this.fixedStabilisation = Double.isNaN(stabilisation) ? Double.NaN : Stabilisation.resolve(energy, stabilisation);
        this.stabilisation = fixedStabilisation;
        this.grid = grid;
        this.energy = energy;
        this.kappa = kappa;
        this.mobility = mobility;
        this.fft = new Fft2D(grid.nx(), grid.ny());
        int nx = grid.nx();
        int ny = grid.ny();
        int n = grid.size();
        lambda = new double[n];
        mirror = new int[n];
        for (int j = 0; j < ny; j++) {
            double sy = Math.sin(Math.PI * j / ny);
            for (int i = 0; i < nx; i++) {
                double sx = Math.sin(Math.PI * i / nx);
                int p = j * nx + i;
                lambda[p] = 4 * sx * sx / (grid.dx() * grid.dx()) + 4 * sy * sy / (grid.dy() * grid.dy());
                mirror[p] = ((ny - j) % ny) * nx + (nx - i) % nx;
            }
        }
        zr = new double[n];
        zi = new double[n];
        cr = new double[n];
        ci = new double[n];
        gr = new double[n];
        gi = new double[n];
        hr = new double[n];
        hi2 = new double[n];
    }

    /** Largest Δt of the explicit (forward Euler) scheme on this grid, for reports. */
    public double explicitStepLimit() {
        double lmax = 0;
        for (double l : lambda) {
            lmax = Math.max(lmax, l);
        }
        return 2 / (mobility * lmax * (kappa * lmax + energy.maxCurvature()));
    }

    /** S of the last step (the fixed S, or the last range-adaptive one). */
    public double stabilisation() {
        return stabilisation;
    }

    public Grid2D grid() {
        return grid;
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
        spectra(in);
        startRange(in);
        for (int attempt = 0; ; attempt++) {
            update(cr, ci, gr, gi, dt, zr, zi);
            fft.inverse(zr, zi);
            System.arraycopy(zr, 0, out, 0, out.length);
            if (inRange(out) || widen(attempt, out)) {
                return;
            }
        }
    }

    @Override
    public void stepDoubling(double[] in, double dt, double[] full, double[] half, double[] twoHalves) {
        spectra(in);
        startRange(in);
        double h = dt / 2;
        for (int attempt = 0; ; attempt++) {
            // Full step into the real part, half step into the imaginary part of one inverse transform.
            update(cr, ci, gr, gi, dt, zr, zi);
            update(cr, ci, gr, gi, h, hr, hi2);
            for (int p = 0; p < zr.length; p++) {
                double fr = zr[p];
                zr[p] = fr - hi2[p];
                zi[p] = zi[p] + hr[p];
            }
            fft.inverse(zr, zi);
            System.arraycopy(zr, 0, full, 0, full.length);
            System.arraycopy(zi, 0, half, 0, half.length);
            if (!inRange(full) && !widen(attempt, full) || !inRange(half) && !widen(attempt, half)) {
                continue;
            }
            for (int p = 0; p < zr.length; p++) {
                zr[p] = energy.derivative(half[p]);
                zi[p] = 0;
            }
            fft.forward(zr, zi);
            update(hr, hi2, zr, zi, h, zr, zi);
            fft.inverse(zr, zi);
            System.arraycopy(zr, 0, twoHalves, 0, twoHalves.length);
            if (inRange(twoHalves) || widen(attempt, twoHalves)) {
                return;
            }
        }
    }

    /** (or, oi) = [ĉ (1 + Δt M λ S) − Δt M λ ĝ] / (1 + Δt M λ (S + κ λ)); may alias (gr, gi). */
    private void update(double[] cRe, double[] cIm, double[] gRe, double[] gIm, double dt, double[] oRe, double[] oIm) {
        double s = stabilisation;
        for (int p = 0; p < oRe.length; p++) {
            double b = dt * mobility * lambda[p];
            double a = 1 + b * s;
            double d = 1 / (1 + b * (s + kappa * lambda[p]));
            double r = (cRe[p] * a - b * gRe[p]) * d;
            double i = (cIm[p] * a - b * gIm[p]) * d;
            oRe[p] = r;
            oIm[p] = i;
        }
    }

    /** Range-adaptive S: the range of {@code c} with its margin, and S over it. */
    private void startRange(double[] c) {
        if (!Double.isNaN(fixedStabilisation)) {
            return;
        }
        cover(c, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    }

    /** Sets the range to [min, max] ∪ range of {@code c}, widened by the margin, and S over it. */
    private void cover(double[] c, double min, double max) {
        for (double v : c) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double m = MARGIN_FRACTION * (max - min) + MARGIN_FLOOR;
        lo = min - m;
        hi = max + m;
        stabilisation = energy.maxCurvature(lo, hi) / 2;
    }

    /** Whether {@code c} lies in the range S was chosen for (always, for a fixed S). */
    private boolean inRange(double[] c) {
        if (!Double.isNaN(fixedStabilisation)) {
            return true;
        }
        for (double v : c) {
            if (v < lo || v > hi) {
                return false;
            }
        }
        return true;
    }

    /** Widens the range to cover {@code c} with its margin and raises S; false: the step must be redone. */
    private boolean widen(int attempt, double[] c) {
        if (attempt >= MAX_WIDENINGS) {
            throw new IllegalStateException("Cahn–Hilliard: the range-adaptive stabilisation did not settle after "
                    + MAX_WIDENINGS + " widenings; the step is far too long or the solution diverges");
        }
        cover(c, lo, hi);
        return false;
    }

    /** (cr, ci) = ĉ and (gr, gi) = FFT of f'(c), from one complex transform of c + i f'(c). */
    private void spectra(double[] c) {
        if (c.length != zr.length) {
            throw new IllegalArgumentException("field has " + c.length + " values, grid has " + zr.length);
        }
        for (int p = 0; p < c.length; p++) {
            zr[p] = c[p];
            zi[p] = energy.derivative(c[p]);
        }
        fft.forward(zr, zi);
        // Z = Ĉ + i Ĝ with Ĉ, Ĝ Hermitian: Ĉ(k) = (Z(k) + Z*(−k))/2, Ĝ(k) = (Z(k) − Z*(−k))/(2i).
        for (int p = 0; p < c.length; p++) {
            int q = mirror[p];
            double ar = zr[p];
            double ai = zi[p];
            double br = zr[q];
            double bi = -zi[q];
            cr[p] = 0.5 * (ar + br);
            ci[p] = 0.5 * (ai + bi);
            gr[p] = 0.5 * (ai - bi);
            gi[p] = -0.5 * (ar - br);
        }
    }
}
