package org.hafnia.solver.device;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.solver.kernels.CosineTransform;
import org.hafnia.solver.kernels.ModeSteps;

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
 * transforms of O(N_x N_y (N_x + N_y)/2) ({@link CosineTransform}: one even/odd split per axis, to
 * round-off of the dense products, its stated bound) and, for a new Δt, two exponentials per mode.
 *
 * <p>Work saved without changing a bit of the result: everything of a mode's 2 × 2 system but the
 * exponentials of Δt is computed once, at construction; the source's transform is kept
 * ({@link #source}), with each mode's steady state, for the trial steps of one source;
 * {@link #restore} copies the modes and leaves the node temperatures to the next
 * {@link #temperature()} or {@link #advance}; the transforms and the mode update ({@link ModeSteps})
 * are SIMD where the Vector API is available (the scalar bits); the exponentials of the last
 * {@value #CACHED_STEPS} distinct Δt are kept (a device's pulses repeat their step sequence: the
 * steps of a segment are fixed multiples of its first step unless a step was halved), so a
 * repeated Δt reuses the very values Math.exp returned for it. After the cache is full, nothing
 * is allocated.
 * Not thread-safe.
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
    /** The cosine transform; the modes in its order (even modes first along each axis). */
    private final CosineTransform transform;
    /** Lateral eigenvalue μ of each mode (1/m²), in the transform's mode order. */
    private final double[] mu;
    private final double g1;
    private final double g2;
    private final double cf;
    private final double ce;
    /** Per mode, the constants of its exact step (see {@link #advance(double)}); electrodes only but {@link #rate}. */
    private final double[] k22;
    private final double[] det;
    private final double[] half;
    private final double[] twoDisc;
    private final double[] lambdaPlus;
    private final double[] lambdaMinus;
    private final double[] aHalf;
    /** The off-diagonal entries of M = −C⁻¹K, the same for every mode (−K₁₂/c_f, −K₁₂/c_e), 1/s. */
    private final double bf;
    private final double ce2;
    private final double[] dHalf;
    /** Ideal electrodes: per mode the film's conductance kk (W/(m² K)) and its decay rate −kk/cf (1/s). */
    private final double[] kk;
    private final double[] rate;
    private final double k12;
    /** Film and electrode temperature rises T − T0 in the mode basis. */
    private final double[] af;
    private final double[] ae;
    /** The steady film and electrode rises of the held source per mode (K), set by {@link #source}. */
    private final double[] steadyFilm;
    private final double[] steadyElectrode;
    private final double[] temperature;
    /** Whether {@link #temperature} lags the modes (after a restore). */
    private boolean stale;
    /** Distinct step sizes whose per-mode exponentials are kept (16 KiB each on 32², both layers). */
    static final int CACHED_STEPS = 64;
    /** Raw bits of the cached Δt, and per mode the ch (at k), sh (at n + k) of exp(MΔt) (electrodes) or exp(rate Δt). */
    private final long[] cachedDt = new long[CACHED_STEPS];
    private final double[][] cachedExp = new double[CACHED_STEPS][];
    private int cachedCount;
    private int nextSlot;

    /** @param grid the plan-view grid (spacings in its physical unit) */
    public FilmHeat(Grid2D grid, Parameters p) {
        this.p = p;
        this.nx = grid.nx();
        this.ny = grid.ny();
        double h = grid.unit().metres();
        this.transform = new CosineTransform(nx, ny);
        this.mu = new double[nx * ny];
        double dx = grid.dx() * h;
        double dy = grid.dy() * h;
        for (int pn = 0; pn < ny; pn++) {
            double sy = Math.sin(Math.PI * CosineTransform.mode(pn, ny) / (2.0 * ny));
            for (int pm = 0; pm < nx; pm++) {
                double sx = Math.sin(Math.PI * CosineTransform.mode(pm, nx) / (2.0 * nx));
                mu[pn * nx + pm] = 4 * sx * sx / (dx * dx) + 4 * sy * sy / (dy * dy);
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
        this.k12 = -2 * g1;
        this.bf = p.electrodes() ? -k12 / cf : 0;
        this.ce2 = p.electrodes() ? -k12 / ce : 0;
        this.k22 = new double[size];
        this.det = new double[size];
        this.half = new double[size];
        this.twoDisc = new double[size];
        this.lambdaPlus = new double[size];
        this.lambdaMinus = new double[size];
        this.aHalf = new double[size];
        this.dHalf = new double[size];
        this.kk = new double[size];
        this.rate = new double[size];
        for (int k = 0; k < size; k++) {
            if (!p.electrodes()) {
                kk[k] = p.filmConductivity() * t * mu[k] + 2 * g1;
                rate[k] = -kk[k] / cf;
                continue;
            }
            // K = [[kf t μ + 2g1, −2g1], [−2g1, 2(ke d μ + g1 + g2)]], C = diag(cf, ce)
            double k11 = p.filmConductivity() * t * mu[k] + 2 * g1;
            k22[k] = 2 * (p.electrodeConductivity() * p.electrodeThickness() * mu[k] + g1 + g2);
            det[k] = k11 * k22[k] - k12 * k12;
            // M = −C⁻¹K, exp(MΔt) by its two real eigenvalues (C^½ M C^-½ is symmetric).
            double a = -k11 / cf;
            double b = bf;
            double c = ce2;
            double d = -k22[k] / ce;
            half[k] = (a + d) / 2;
            double disc = Math.sqrt((a - d) * (a - d) / 4 + b * c);
            twoDisc[k] = 2 * disc;
            lambdaPlus[k] = half[k] + disc;
            lambdaMinus[k] = half[k] - disc;
            aHalf[k] = a - half[k];
            dHalf[k] = d - half[k];
        }
        this.af = new double[size];
        this.ae = new double[size];
        this.steadyFilm = new double[size];
        this.steadyElectrode = new double[size];
        this.temperature = new double[size];
        java.util.Arrays.fill(temperature, p.ambient());
    }

    public Parameters parameters() {
        return p;
    }

    /**
     * The state of {@code o}: the mode temperatures, the held source, the node temperatures and the
     * cached exponentials (so a repeated Δt reuses the very values, as in {@code o}) are copied; what
     * the constructor computed from the grid and the parameters is never written again and is shared.
     */
    private FilmHeat(FilmHeat o) {
        this.p = o.p;
        this.nx = o.nx;
        this.ny = o.ny;
        this.transform = o.transform.copy();
        this.mu = o.mu;
        this.g1 = o.g1;
        this.g2 = o.g2;
        this.cf = o.cf;
        this.ce = o.ce;
        this.k22 = o.k22;
        this.det = o.det;
        this.half = o.half;
        this.twoDisc = o.twoDisc;
        this.lambdaPlus = o.lambdaPlus;
        this.lambdaMinus = o.lambdaMinus;
        this.aHalf = o.aHalf;
        this.bf = o.bf;
        this.ce2 = o.ce2;
        this.dHalf = o.dHalf;
        this.kk = o.kk;
        this.rate = o.rate;
        this.k12 = o.k12;
        this.af = o.af.clone();
        this.ae = o.ae.clone();
        this.steadyFilm = o.steadyFilm.clone();
        this.steadyElectrode = o.steadyElectrode.clone();
        this.temperature = o.temperature.clone();
        this.stale = o.stale;
        System.arraycopy(o.cachedDt, 0, cachedDt, 0, CACHED_STEPS);
        for (int s = 0; s < o.cachedCount; s++) {
            cachedExp[s] = o.cachedExp[s].clone();
        }
        this.cachedCount = o.cachedCount;
        this.nextSlot = o.nextSlot;
    }

    /** An independent heat model in this one's state: advanced alike, both give the same temperatures bit for bit. */
    public FilmHeat copy() {
        return new FilmHeat(this);
    }

    /**
     * Column-mean film temperature per node (K); the array is owned by this object and updated by
     * {@link #advance} and by this call after a {@link #restore} (call it again after a restore).
     */
    public double[] temperature() {
        if (stale) {
            nodes();
        }
        return temperature;
    }

    /** Largest column-mean film temperature (K). */
    public double maxTemperature() {
        return max(temperature());
    }

    /** The largest of the temperatures {@code t} (K); −∞ for none. */
    static double max(double[] t) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : t) {
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

    /**
     * Restores a state saved by {@link #save}; the node temperatures follow at the next
     * {@link #temperature()} (or are overwritten by the next {@link #advance}). The held source is kept.
     */
    public void restore(double[] from) {
        System.arraycopy(from, 0, af, 0, af.length);
        System.arraycopy(from, af.length, ae, 0, ae.length);
        stale = true;
    }

    /**
     * Advances the temperatures by {@code dt} (s) under the Joule source {@code q} (W/m³ per node,
     * held constant over the step); {@code q == null} means no source (cooling). Exact for a
     * constant source. The same as {@link #source source(q)} then {@link #advance(double) advance(dt)}.
     */
    public void advance(double[] q, double dt) {
        source(q);
        advance(dt);
    }

    /**
     * Holds the Joule source {@code q} (W/m³ per node; null: none) for the following
     * {@link #advance(double)} calls: its transform is computed here, once. The array is read now only.
     */
    public void source(double[] q) {
        if (q == null) {
            java.util.Arrays.fill(steadyFilm, 0);
            java.util.Arrays.fill(steadyElectrode, 0);
            return;
        }
        forward(q, steadyFilm);
        double t = p.thickness();
        for (int k = 0; k < steadyFilm.length; k++) {
            double s = steadyFilm[k] * t;
            if (!p.electrodes()) {
                steadyFilm[k] = s / kk[k];
            } else {
                // T_ss = K⁻¹ (s, 0): film s k22/det, electrode −s k12/det.
                steadyFilm[k] = s * k22[k] / det[k];
                steadyElectrode[k] = -s * k12 / det[k];
            }
        }
    }

    /**
     * Advances the temperatures by {@code dt} (s) under the held {@link #source} (none before the
     * first), each mode exactly: T(t+Δt) = T_ss + exp(−C⁻¹KΔt)(T(t) − T_ss).
     */
    public void advance(double dt) {
        double[] x = exponentials(dt);
        if (!p.electrodes()) {
            ModeSteps.single(af, steadyFilm, x, mu.length, true);
        } else {
            ModeSteps.coupled(af, ae, steadyFilm, steadyElectrode, x, aHalf, bf, ce2, dHalf, mu.length, true);
        }
        nodes();
    }

    /** The per-mode exponentials of a step {@code dt}: from the cache, or computed into its next slot. */
    private double[] exponentials(double dt) {
        long bits = Double.doubleToRawLongBits(dt);
        for (int s = 0; s < cachedCount; s++) {
            if (cachedDt[s] == bits) {
                return cachedExp[s];
            }
        }
        int slot = nextSlot;
        nextSlot = (nextSlot + 1) % CACHED_STEPS;
        cachedCount = Math.max(cachedCount, slot + 1);
        if (cachedExp[slot] == null) {
            cachedExp[slot] = new double[p.electrodes() ? 2 * mu.length : mu.length];
        }
        double[] x = cachedExp[slot];
        cachedDt[slot] = bits;
        for (int k = 0; k < mu.length; k++) {
            if (p.electrodes()) {
                // exp(MΔt) = ch I + sh (M − half I), ch = (e₊ + e₋)/2, sh = (e₊ − e₋)/(2 disc).
                double ep = Math.exp(lambdaPlus[k] * dt);
                double em = Math.exp(lambdaMinus[k] * dt);
                x[k] = (ep + em) / 2;
                x[mu.length + k] = (ep - em) / twoDisc[k];
            } else {
                x[k] = Math.exp(rate[k] * dt);
            }
        }
        return x;
    }

    /** The node temperatures from the film modes: T0 + the inverse transform of the rises. */
    private void nodes() {
        transform.inverse(af, temperature, p.ambient(), true);
        stale = false;
    }

    /** Nodes → modes: X̂ = C_y X C_xᵀ. */
    private void forward(double[] x, double[] out) {
        transform.forward(x, out, true);
    }


    private static void positive(String what, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new InvalidInputException(what + " must be positive and finite, got " + v);
        }
    }
}
