package org.hafnia.solver.kernels;

import org.hafnia.meshes.AxisBoundary;
import org.hafnia.meshes.BoundaryConditions2D;
import org.hafnia.meshes.BoundaryConditions3D;
import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.Grid3D;
import org.hafnia.physics.api.FreeEnergyDensity;
import org.hafnia.physics.energy.NearestNodeForwardSlopeEnergy;
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
 * The bias is b (uniform) or b · profile[k] (per node). Every node reads only the old time
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

    // Parameters of the current step, set before the sweep is published to the workers.
    private double rate;
    private double bias;
    private double[] profile;

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

    /**
     * Writes one step of size {@code dt} from {@code phi} into {@code out} (distinct arrays).
     *
     * @param profile per-node factor of the bias, or null for the uniform bias {@code bias}
     */
    public void step(double[] phi, double[] out, double dt, double bias, double[] profile, ParallelRows rows) {
        if (profile != null && profile.length != size()) {
            throw new IllegalArgumentException("bias profile has " + profile.length + " values, grid has " + size());
        }
        this.rate = dt * mobility;
        this.bias = bias;
        this.profile = profile;
        try {
            sweep(phi, out, rows);
        } finally {
            this.profile = null;
        }
    }

    @Override
    double update(int idx, double c, double lap) {
        return value(idx, c, lap, slope, tableScale, energy, rate, bias, profile, lo, hi);
    }

    /** The update of one node; static with every parameter a local so the JIT hoists and unswitches them. */
    private static double value(int idx, double c, double lap, double[] slope, double tableScale,
                                FreeEnergyDensity energy, double rate, double bias, double[] profile,
                                double lo, double hi) {
        double df = slope != null
                ? slope[(int) Math.rint(Math.max(0.0, Math.min(1.0, c)) * tableScale)]
                : energy.derivative(c);
        double b = profile == null ? bias : bias * profile[idx];
        double v = c + rate * (-df + lap - b);
        return Math.max(lo, Math.min(hi, v));
    }

    @Override
    void row5(int row, int south, int north, int i0, int i1) {
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
        for (int i = i0; i < i1; i++) {
            int idx = row + i;
            double c = p[idx];
            double lap = kx * (p[idx - 1] + p[idx + 1] - 2 * c) + ky * (p[south + i] + p[north + i] - 2 * c);
            out[idx] = value(idx, c, lap, tab, scale, f, r, b, prof, l, h);
        }
    }

    @Override
    void row7(int row, int south, int north, int below, int above, int i0, int i1) {
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
        for (int i = i0; i < i1; i++) {
            int idx = row + i;
            double c = p[idx];
            double lap = kx * (p[idx - 1] + p[idx + 1] - 2 * c) + ky * (p[south + i] + p[north + i] - 2 * c)
                    + kz * (p[below + i] + p[above + i] - 2 * c);
            out[idx] = value(idx, c, lap, tab, scale, f, r, b, prof, l, h);
        }
    }
}
