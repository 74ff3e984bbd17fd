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
 * FFT pair per step. Stability: for S ≥ max|f''|/2 the discrete energy decreases for every Δt
 * (Shen & Yang 2010, Thm. 2), so Δt is not bound by the explicit limit Δt ≲ h⁴/(8 M κ);
 * a smaller S is refused.
 *
 * <p>Real fields are transformed in pairs as one complex field (c + i f'(c) forward, two
 * results back), so a step costs two complex FFTs and a step-doubling attempt four.
 */
public final class SpectralCahnHilliard2D implements OneStepMethod {

    private final Grid2D grid;
    private final FreeEnergyDensity energy;
    private final double kappa;
    private final double mobility;
    private final double stabilisation;
    private final Fft2D fft;
    private final double[] lambda;
    private final int[] mirror;
    // Work arrays: packed transform, the two spectra, and two results.
    private final double[] zr;
    private final double[] zi;
    private final double[] cr;
    private final double[] ci;
    private final double[] gr;
    private final double[] gi;

    /**
     * @param grid          periodic grid, sizes powers of two
     * @param energy        bulk free energy f(c)
     * @param kappa         gradient coefficient κ (> 0)
     * @param mobility      M (> 0)
     * @param stabilisation S ≥ max|f''|/2, or NaN for max|f''|/2
     */
    public SpectralCahnHilliard2D(Grid2D grid, FreeEnergyDensity energy, double kappa, double mobility,
                                  double stabilisation) {
        if (!(kappa > 0) || !(mobility > 0) || !Double.isFinite(kappa) || !Double.isFinite(mobility)) {
            throw new InvalidInputException("Cahn–Hilliard needs κ > 0 and M > 0, got κ = " + kappa + ", M = " + mobility);
        }
        double s = Stabilisation.resolve(energy, stabilisation);
        this.grid = grid;
        this.energy = energy;
        this.kappa = kappa;
        this.mobility = mobility;
        this.stabilisation = s;
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
    }

    /** Largest Δt of the explicit (forward Euler) scheme on this grid, 1 / (M κ max λ² / 2 + …): for reports. */
    public double explicitStepLimit() {
        double lmax = 0;
        for (double l : lambda) {
            lmax = Math.max(lmax, l);
        }
        return 2 / (mobility * lmax * (kappa * lmax + energy.maxCurvature()));
    }

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
        for (int p = 0; p < zr.length; p++) {
            double a = 1 + dt * mobility * lambda[p] * stabilisation;
            double b = dt * mobility * lambda[p];
            double d = 1 / (1 + b * (stabilisation + kappa * lambda[p]));
            zr[p] = (cr[p] * a - b * gr[p]) * d;
            zi[p] = (ci[p] * a - b * gi[p]) * d;
        }
        fft.inverse(zr, zi);
        System.arraycopy(zr, 0, out, 0, out.length);
    }

    @Override
    public void stepDoubling(double[] in, double dt, double[] full, double[] half, double[] twoHalves) {
        spectra(in);
        // Full step into the real part, half step into the imaginary part of one inverse transform;
        // the half step's spectrum is kept in (cr, ci) for the second half step.
        double h = dt / 2;
        for (int p = 0; p < zr.length; p++) {
            double l = lambda[p];
            double bf = dt * mobility * l;
            double df = 1 / (1 + bf * (stabilisation + kappa * l));
            double af = 1 + bf * stabilisation;
            double bh = h * mobility * l;
            double dh = 1 / (1 + bh * (stabilisation + kappa * l));
            double ah = 1 + bh * stabilisation;
            double fr = (cr[p] * af - bf * gr[p]) * df;
            double fi = (ci[p] * af - bf * gi[p]) * df;
            double hr = (cr[p] * ah - bh * gr[p]) * dh;
            double hi = (ci[p] * ah - bh * gi[p]) * dh;
            cr[p] = hr;
            ci[p] = hi;
            zr[p] = fr - hi;
            zi[p] = fi + hr;
        }
        fft.inverse(zr, zi);
        System.arraycopy(zr, 0, full, 0, full.length);
        System.arraycopy(zi, 0, half, 0, half.length);
        for (int p = 0; p < zr.length; p++) {
            zr[p] = energy.derivative(half[p]);
            zi[p] = 0;
        }
        fft.forward(zr, zi);
        for (int p = 0; p < zr.length; p++) {
            double b = h * mobility * lambda[p];
            double d = 1 / (1 + b * (stabilisation + kappa * lambda[p]));
            double a = 1 + b * stabilisation;
            double r = (cr[p] * a - b * zr[p]) * d;
            double i = (ci[p] * a - b * zi[p]) * d;
            zr[p] = r;
            zi[p] = i;
        }
        fft.inverse(zr, zi);
        System.arraycopy(zr, 0, twoHalves, 0, twoHalves.length);
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
