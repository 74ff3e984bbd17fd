package org.hafnia.solver.device;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.InvalidInputException;

/**
 * Transient Joule heating of a plan-view film between two electrodes (physics.md §1.3, §6),
 * quasi-3D: per plan-view node the column-mean film temperature T_f and the mean temperature
 * T_e of the electrode layer under and over it (both electrodes alike, lumped into one layer of
 * twice the heat capacity and lateral conductance), beyond which the electrode bulk is at the
 * ambient T0:
 * <pre>
 *   ρc_f t  ∂T_f/∂t = k_f t ∇²T_f − 2g₁ (T_f − T_e) + q t
 *   2ρc_e d ∂T_e/∂t = 2k_e d ∇²T_e + 2g₁ (T_f − T_e) − 2g₂ (T_e − T0)
 * </pre>
 * with q the column's Joule power density σ|E|² (W/m³), g₁ = 1/(t/6k_f + d/2k_e) the conductance
 * per area from the film's mean to the electrode layer's mid-plane (6k_f/t is exact for the
 * parabolic profile of a uniformly heated column between isothermal faces) and g₂ = 2k_e/d from
 * there to the bulk. Without electrode layers ({@link Parameters#electrodeThickness()} = 0) the
 * electrodes are ideal sinks at T0 and the film loses 12k_f/t² (T_f − T0) per volume: the steady
 * uniform film is then exact (mean rise q t²/12k_f).
 *
 * <p>Integration: the lateral operator with zero-flux sides is diagonal in the cosine (DCT-II)
 * basis of the cell-centred 5-point Laplacian (eigenvalues μ = 4/h² sin²(πm/2N) per axis, exactly
 * the discrete operator's), so for a source held constant over a step each mode's 2 × 2 linear
 * system is advanced exactly, T(t+Δt) = T_ss + exp(−C⁻¹KΔt)(T(t) − T_ss): no stability limit and
 * no time-discretisation error beyond holding q constant over the step. Cost per step: two
 * transforms of O(N_x N_y (N_x + N_y)). Not thread-safe.
 */
public final class FilmHeat {

    /**
     * Thermal parameters (SI).
     *
     * @param thickness             film thickness t, m
     * @param filmConductivity      k_f, W/(m K)
     * @param filmHeatCapacity      ρc_p of the film, J/(m³ K)
     * @param electrodeThickness    d, the electrode layer lumped with the film, m (0: ideal sinks)
     * @param electrodeConductivity k_e, W/(m K) (unused when d = 0)
     * @param electrodeHeatCapacity ρc_p of the electrodes, J/(m³ K) (unused when d = 0)
     * @param ambient               T0, K
     */
    public record Parameters(double thickness, double filmConductivity, double filmHeatCapacity,
                             double electrodeThickness, double electrodeConductivity, double electrodeHeatCapacity,
                             double ambient) {
        public Parameters {
            positive("film thickness (m)", thickness);
            positive("film thermal conductivity (W/(m K))", filmConductivity);
            positive("film heat capacity (J/(m^3 K))", filmHeatCapacity);
            positive("ambient temperature (K)", ambient);
            if (!(electrodeThickness >= 0) || !Double.isFinite(electrodeThickness)) {
                throw new InvalidInputException("electrode thickness must be ≥ 0 (m), got " + electrodeThickness);
            }
            if (electrodeThickness > 0) {
                positive("electrode thermal conductivity (W/(m K))", electrodeConductivity);
                positive("electrode heat capacity (J/(m^3 K))", electrodeHeatCapacity);
            }
        }

        /** Whether the electrodes are modelled as a heated layer (else ideal sinks at T0). */
        public boolean electrodes() {
            return electrodeThickness > 0;
        }

        /** The film's own thermal time ρc_f t²/k_f (physics.md §1.3), s. */
        public double filmThermalTime() {
            return filmHeatCapacity * thickness * thickness / filmConductivity;
        }
    }

    private final Parameters p;
    private final int nx;
    private final int ny;
    private final double[] cx;
    private final double[] cy;
    /** Lateral eigenvalue μ of each mode (1/m²), mode (m, n) at n·nx + m. */
    private final double[] mu;
    private final double g1;
    private final double g2;
    private final double cf;
    private final double ce;
    /** Film and electrode temperature rises T − T0 in the mode basis. */
    private final double[] af;
    private final double[] ae;
    private final double[] work;
    private final double[] modes;
    private final double[] temperature;

    /** @param grid the plan-view grid (spacings in its physical unit) */
    public FilmHeat(Grid2D grid, Parameters p) {
        this.p = p;
        this.nx = grid.nx();
        this.ny = grid.ny();
        double h = grid.unit().metres();
        this.cx = cosineBasis(nx);
        this.cy = cosineBasis(ny);
        this.mu = new double[nx * ny];
        double dx = grid.dx() * h;
        double dy = grid.dy() * h;
        for (int n = 0; n < ny; n++) {
            double sy = Math.sin(Math.PI * n / (2.0 * ny));
            for (int m = 0; m < nx; m++) {
                double sx = Math.sin(Math.PI * m / (2.0 * nx));
                mu[n * nx + m] = 4 * sx * sx / (dx * dx) + 4 * sy * sy / (dy * dy);
            }
        }
        double t = p.thickness();
        this.cf = p.filmHeatCapacity() * t;
        if (p.electrodes()) {
            double d = p.electrodeThickness();
            this.g1 = 1 / (t / (6 * p.filmConductivity()) + d / (2 * p.electrodeConductivity()));
            this.g2 = 2 * p.electrodeConductivity() / d;
            this.ce = 2 * p.electrodeHeatCapacity() * d;
        } else {
            this.g1 = 6 * p.filmConductivity() / t;
            this.g2 = 0;
            this.ce = 0;
        }
        int size = nx * ny;
        this.af = new double[size];
        this.ae = new double[size];
        this.work = new double[size];
        this.modes = new double[size];
        this.temperature = new double[size];
        java.util.Arrays.fill(temperature, p.ambient());
    }

    public Parameters parameters() {
        return p;
    }

    /** Column-mean film temperature per node (K); the array is owned by this object and updated by {@link #advance}. */
    public double[] temperature() {
        return temperature;
    }

    /** Largest column-mean film temperature (K). */
    public double maxTemperature() {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : temperature) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** Whether every mode is within {@code kelvin} of ambient in both layers (an upper bound of |T − T0| in the mode norm). */
    public boolean atAmbient(double kelvin) {
        double s = 0;
        for (int k = 0; k < af.length; k++) {
            s += af[k] * af[k] + ae[k] * ae[k];
        }
        return Math.sqrt(s) <= kelvin;
    }

    /** The decay time of the slowest (uniform) mode, 1/|λ_max| (s): the film's cooling time. */
    public double coolingTime() {
        if (!p.electrodes()) {
            return cf / (2 * g1);
        }
        double a = -2 * g1 / cf;
        double b = 2 * g1 / cf;
        double c = 2 * g1 / ce;
        double d = -2 * (g1 + g2) / ce;
        double lam = (a + d) / 2 + Math.sqrt((a - d) * (a - d) / 4 + b * c);
        return -1 / lam;
    }

    /** Saves the thermal state into {@code into} (length 2 × nodes). */
    public void save(double[] into) {
        System.arraycopy(af, 0, into, 0, af.length);
        System.arraycopy(ae, 0, into, af.length, ae.length);
    }

    /** Restores a state saved by {@link #save} (and the node temperatures with it). */
    public void restore(double[] from) {
        System.arraycopy(from, 0, af, 0, af.length);
        System.arraycopy(from, af.length, ae, 0, ae.length);
        inverse(af, temperature);
        for (int k = 0; k < temperature.length; k++) {
            temperature[k] += p.ambient();
        }
    }

    /**
     * Advances the temperatures by {@code dt} (s) under the Joule source {@code q} (W/m³ per node,
     * held constant over the step); {@code q == null} means no source (cooling). Exact for a
     * constant source.
     */
    public void advance(double[] q, double dt) {
        if (q != null) {
            forward(q, modes);
        } else {
            java.util.Arrays.fill(modes, 0);
        }
        double t = p.thickness();
        for (int k = 0; k < mu.length; k++) {
            double s = modes[k] * t;
            if (!p.electrodes()) {
                double kk = p.filmConductivity() * t * mu[k] + 2 * g1;
                double ss = s / kk;
                af[k] = ss + Math.exp(-kk / cf * dt) * (af[k] - ss);
                continue;
            }
            // K = [[kf t μ + 2g1, −2g1], [−2g1, 2(ke d μ + g1 + g2)]], C = diag(cf, ce)
            double k11 = p.filmConductivity() * t * mu[k] + 2 * g1;
            double k12 = -2 * g1;
            double k22 = 2 * (p.electrodeConductivity() * p.electrodeThickness() * mu[k] + g1 + g2);
            double det = k11 * k22 - k12 * k12;
            double sf = s * k22 / det;
            double se = -s * k12 / det;
            // M = −C⁻¹K, exp(MΔt) by its two real eigenvalues (C^½ M C^-½ is symmetric).
            double a = -k11 / cf;
            double b = -k12 / cf;
            double c = -k12 / ce;
            double d = -k22 / ce;
            double half = (a + d) / 2;
            double disc = Math.sqrt((a - d) * (a - d) / 4 + b * c);
            double ep = Math.exp((half + disc) * dt);
            double em = Math.exp((half - disc) * dt);
            double ch = (ep + em) / 2;
            double sh = (ep - em) / (2 * disc);
            double xf = af[k] - sf;
            double xe = ae[k] - se;
            af[k] = sf + ch * xf + sh * ((a - half) * xf + b * xe);
            ae[k] = se + ch * xe + sh * (c * xf + (d - half) * xe);
        }
        inverse(af, temperature);
        double t0 = p.ambient();
        for (int k = 0; k < temperature.length; k++) {
            temperature[k] += t0;
        }
    }

    /** Orthonormal DCT-II matrix of size n: row m, column i = w_m cos(π m (i + ½)/n). */
    private static double[] cosineBasis(int n) {
        double[] c = new double[n * n];
        for (int m = 0; m < n; m++) {
            double w = Math.sqrt((m == 0 ? 1.0 : 2.0) / n);
            for (int i = 0; i < n; i++) {
                c[m * n + i] = w * Math.cos(Math.PI * m * (i + 0.5) / n);
            }
        }
        return c;
    }

    /** Nodes → modes: X̂ = C_y X C_xᵀ. */
    private void forward(double[] x, double[] out) {
        for (int j = 0; j < ny; j++) {
            for (int m = 0; m < nx; m++) {
                double s = 0;
                int row = j * nx;
                int basis = m * nx;
                for (int i = 0; i < nx; i++) {
                    s += x[row + i] * cx[basis + i];
                }
                work[row + m] = s;
            }
        }
        java.util.Arrays.fill(out, 0);
        for (int n = 0; n < ny; n++) {
            for (int j = 0; j < ny; j++) {
                double c = cy[n * ny + j];
                int src = j * nx;
                int dst = n * nx;
                for (int m = 0; m < nx; m++) {
                    out[dst + m] += c * work[src + m];
                }
            }
        }
    }

    /** Modes → nodes: X = C_yᵀ X̂ C_x. */
    private void inverse(double[] a, double[] out) {
        java.util.Arrays.fill(work, 0);
        for (int n = 0; n < ny; n++) {
            for (int j = 0; j < ny; j++) {
                double c = cy[n * ny + j];
                int src = n * nx;
                int dst = j * nx;
                for (int m = 0; m < nx; m++) {
                    work[dst + m] += c * a[src + m];
                }
            }
        }
        java.util.Arrays.fill(out, 0);
        for (int j = 0; j < ny; j++) {
            int row = j * nx;
            for (int m = 0; m < nx; m++) {
                double v = work[row + m];
                int basis = m * nx;
                for (int i = 0; i < nx; i++) {
                    out[row + i] += v * cx[basis + i];
                }
            }
        }
    }

    private static void positive(String what, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new InvalidInputException(what + " must be positive and finite, got " + v);
        }
    }
}
