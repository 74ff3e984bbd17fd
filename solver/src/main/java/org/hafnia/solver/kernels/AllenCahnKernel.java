package org.hafnia.solver.kernels;

import org.hafnia.meshes.AxisBoundary;
import org.hafnia.meshes.BoundaryConditions2D;
import org.hafnia.meshes.BoundaryConditions3D;
import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.Grid3D;
import org.hafnia.physics.api.FreeEnergyDensity;
import org.hafnia.physics.energy.NearestNodeForwardSlopeEnergy;
import org.hafnia.physics.kinetics.LangevinNoise;
import org.hafnia.solver.parallel.ParallelRows;

/**
 * One explicit Euler step of the Allen–Cahn equation ∂φ/∂t = L (−f'(φ) + κ ∇²φ − b), fused in
 * one pass over memory (physics.md §1.1):
 * φⁿ⁺¹ = clip[0,1]( φⁿ + Δt L (−f'(φⁿ) + κ ∇²_h φⁿ − b) ),
 * with the 5-point (2D) or 7-point (3D) Laplacian, second order in space; first order in time.
 *
 * <p>The published tabulated f' ({@link NearestNodeForwardSlopeEnergy}) is inlined as the
 * branch-free lookup slope[rint(clamp(φ) N)]; any other energy is called through
 * {@link FreeEnergyDensity#derivative}, which the JIT inlines at this monomorphic call site.
 * The bias is b (uniform) or b · profile[k] (per node).
 *
 * <p>Device couplings (physics.md §1.3): a per-node mobility L_k (e.g. Arrhenius L(T) from
 * Joule heating) may replace L, and Langevin noise adds the Euler–Maruyama increment
 * √(2 L_k k_B T_k Δt / ΔV) ξ of {@link LangevinNoise}, keyed by (seed, step counter, node).
 *
 * <p>Interior rows run on SIMD lanes (Vector API, {@link VectorSupport}) when available: the
 * table index rint(clamp(φ) N) is formed by SIMD arithmetic (t + 2⁵² rounds to the integer in
 * the low bits), then one scalar load per node takes the table's own entry — no gather, and the
 * same f' bits as the scalar lookup; other energies give f' through their scalar
 * {@code derivative}, the noise increments are computed per node (scalar hashing), and the
 * update itself is SIMD. Java never contracts a·b + c into an FMA, so the SIMD and scalar rows
 * give the same bits.
 *
 * <p>Every node reads only the old time
 * level, so the result is bit-identical for any number of threads, and the arithmetic is the
 * same expression in the same order as the straightforward per-node loop, so it agrees with it
 * bit for bit (up to the sign of a zero clipped to 0).
 */
public final class AllenCahnKernel extends StencilSweep {

    private final FreeEnergyDensity energy;
    /** Slope table of the published rule, or null to call {@code energy}. */
    private final double[] slope;
    /** N, the number of table intervals, as the factor of φ in the table index. */
    private final double tableScale;
    private final double mobility;
    /** Clip bounds: [0, 1], or ±∞ (no clipping). */
    private final double lo;
    private final double hi;

    /** Per-node mobility L_k, or null for the uniform L; read, not copied. */
    private double[] mobilityField;
    private LangevinNoise noise;
    /** k_B T per node in the energy unit of f, with the noise. */
    private double[] thermalEnergy;

    // Parameters of the current step, set before the sweep is published to the workers.
    private double dt;
    private double rate;
    private double bias;
    private double[] profile;
    private long counter;

    /**
     * @param kappa    gradient coefficient κ
     * @param mobility kinetic coefficient L
     * @param clip     clip φ to [0, 1] after the step
     */
    public AllenCahnKernel(Grid2D grid, BoundaryConditions2D bc, FreeEnergyDensity energy, double kappa,
                           double mobility, boolean clip) {
        this(grid.nx(), grid.ny(), 1, false, kappa / (grid.dx() * grid.dx()), kappa / (grid.dy() * grid.dy()), 0,
                bc.x(), bc.y(), null, energy, mobility, clip);
    }

    public AllenCahnKernel(Grid3D grid, BoundaryConditions3D bc, FreeEnergyDensity energy, double kappa,
                           double mobility, boolean clip) {
        this(grid.nx(), grid.ny(), grid.nz(), true, kappa / (grid.dx() * grid.dx()),
                kappa / (grid.dy() * grid.dy()), kappa / (grid.dz() * grid.dz()),
                bc.x(), bc.y(), bc.z(), energy, mobility, clip);
    }

    private AllenCahnKernel(int nx, int ny, int nz, boolean threeD, double cx, double cy, double cz,
                            AxisBoundary bx, AxisBoundary by, AxisBoundary bz, FreeEnergyDensity energy,
                            double mobility, boolean clip) {
        super(nx, ny, nz, threeD, cx, cy, cz, bx, by, bz);
        this.energy = energy;
        if (energy instanceof NearestNodeForwardSlopeEnergy table) {
            slope = table.slopeTable();
            tableScale = slope.length - 1;
        } else {
            slope = null;
            tableScale = 0;
        }
        this.mobility = mobility;
        this.lo = clip ? 0 : Double.NEGATIVE_INFINITY;
        this.hi = clip ? 1 : Double.POSITIVE_INFINITY;
    }

    /** The uniform mobility L of the model. */
    public double mobility() {
        return mobility;
    }

    /** Sets a per-node mobility L_k (null restores the uniform L). The array is read, not copied. */
    public void mobilityField(double[] field) {
        if (field != null && field.length != size()) {
            throw new IllegalArgumentException("mobility field has " + field.length + " values, grid has " + size());
        }
        this.mobilityField = field;
    }

    /** Switches Langevin noise on with k_B T per node (read, not copied), or off ({@code noise} null). */
    public void noise(LangevinNoise noise, double[] thermalEnergy) {
        if (noise != null && (thermalEnergy == null || thermalEnergy.length != size())) {
            throw new IllegalArgumentException("noise needs k_B T at every one of the " + size() + " nodes");
        }
        this.noise = noise;
        this.thermalEnergy = noise == null ? null : thermalEnergy;
    }

    public boolean hasNoise() {
        return noise != null;
    }

    /**
     * Writes one step of size {@code dt} from {@code phi} into {@code out} (distinct arrays).
     *
     * @param profile per-node factor of the bias, or null for the uniform bias {@code bias}
     * @param counter the step counter that keys the noise (ignored without noise)
     */
    public void step(double[] phi, double[] out, double dt, double bias, double[] profile, long counter,
                     ParallelRows rows) {
        if (profile != null && profile.length != size()) {
            throw new IllegalArgumentException("bias profile has " + profile.length + " values, grid has " + size());
        }
        this.dt = dt;
        this.rate = dt * mobility;
        this.bias = bias;
        this.profile = profile;
        this.counter = counter;
        try {
            sweep(phi, out, rows);
        } finally {
            this.profile = null;
        }
    }

    /**
     * One step on the calling thread alone, as {@link #step(double[], double[], double, double, double[], long,
     * ParallelRows)} with one thread: for batches that give each worker whole devices.
     */
    public void step(double[] phi, double[] out, double dt, double bias, double[] profile, long counter) {
        if (profile != null && profile.length != size()) {
            throw new IllegalArgumentException("bias profile has " + profile.length + " values, grid has " + size());
        }
        this.dt = dt;
        this.rate = dt * mobility;
        this.bias = bias;
        this.profile = profile;
        this.counter = counter;
        try {
            sweepHere(phi, out);
        } finally {
            this.profile = null;
        }
    }

    /** One step without noise counter (a deterministic step). */
    public void step(double[] phi, double[] out, double dt, double bias, double[] profile, ParallelRows rows) {
        step(phi, out, dt, bias, profile, 0, rows);
    }

    @Override
    double update(int idx, double c, double lap) {
        return value(idx, c, lap, slope, tableScale, energy, rate, bias, profile, lo, hi, this);
    }

    /**
     * The update of one node; static with every parameter a local so the JIT hoists and unswitches
     * them. The couplings ({@code k}) are read only when a mobility field or noise is set.
     */
    private static double value(int idx, double c, double lap, double[] slope, double tableScale,
                                FreeEnergyDensity energy, double rate, double bias, double[] profile,
                                double lo, double hi, AllenCahnKernel k) {
        double df = slope != null
                ? slope[(int) Math.rint(Math.max(0.0, Math.min(1.0, c)) * tableScale)]
                : energy.derivative(c);
        double b = profile == null ? bias : bias * profile[idx];
        double v;
        if (k.mobilityField == null && k.noise == null) {
            v = c + rate * (-df + lap - b);
        } else {
            double l = k.mobilityField == null ? k.mobility : k.mobilityField[idx];
            v = c + k.dt * l * (-df + lap - b);
            if (k.noise != null) {
                v += k.noise.increment(k.counter, idx, l, k.thermalEnergy[idx], k.dt);
            }
        }
        return Math.max(lo, Math.min(hi, v));
    }

    @Override
    void interior(int row, Rows rows, int i0, int i1) {
        if (simd(i0, i1)) {
            simdRow(row, rows, i0, i1);
            return;
        }
        double[] p = src;
        double[] out = dst;
        double[] tab = slope;
        double scale = tableScale;
        FreeEnergyDensity f = energy;
        double r = rate;
        double b = bias;
        double[] prof = profile;
        double l = lo;
        double h = hi;
        double kx = cx;
        double ky = cy;
        double kz = cz;
        double[] s = rows.south;
        double[] n = rows.north;
        int so = rows.southOffset;
        int no = rows.northOffset;
        if (threeD) {
            double[] be = rows.below;
            double[] ab = rows.above;
            int bo = rows.belowOffset;
            int ao = rows.aboveOffset;
            for (int i = i0; i < i1; i++) {
                int idx = row + i;
                double c = p[idx];
                double lap = kx * (p[idx - 1] + p[idx + 1] - 2 * c) + ky * (s[so + i] + n[no + i] - 2 * c)
                        + kz * (be[bo + i] + ab[ao + i] - 2 * c);
                out[idx] = value(idx, c, lap, tab, scale, f, r, b, prof, l, h, this);
            }
        } else {
            for (int i = i0; i < i1; i++) {
                int idx = row + i;
                double c = p[idx];
                double lap = kx * (p[idx - 1] + p[idx + 1] - 2 * c) + ky * (s[so + i] + n[no + i] - 2 * c);
                out[idx] = value(idx, c, lap, tab, scale, f, r, b, prof, l, h, this);
            }
        }
    }

    /**
     * The SIMD row: f' per node first (the table index rint(clamp(φ) N) by SIMD arithmetic, then
     * one scalar load per node — a gather-free lookup that returns the table's own entry; any
     * other energy through its scalar {@code derivative}), the noise increments (scalar: a
     * counter-based hash per node), then the SIMD update.
     */
    private void simdRow(int row, Rows rows, int i0, int i1) {
        double[] p = src;
        double[] df = rows.derivative;
        if (slope != null) {
            double[] tab = slope;
            VectorRows.tableIndex(p, row, i0, i1, tableScale, df);
            for (int i = i0; i < i1; i++) {
                df[i] = tab[(int) Double.doubleToRawLongBits(df[i])];
            }
        } else {
            FreeEnergyDensity f = energy;
            for (int i = i0; i < i1; i++) {
                df[i] = f.derivative(p[row + i]);
            }
        }
        double[] increments = null;
        if (noise != null) {
            increments = rows.noise;
            LangevinNoise xi = noise;
            double[] field = mobilityField;
            double[] kT = thermalEnergy;
            for (int i = i0; i < i1; i++) {
                int idx = row + i;
                increments[i] = xi.increment(counter, idx, field == null ? mobility : field[idx], kT[idx], dt);
            }
        }
        VectorRows.allenCahn(p, row, rows, i0, i1, cx, cy, cz, threeD, df, dt, rate, mobilityField, bias, profile,
                increments, lo, hi, dst);
    }
}
