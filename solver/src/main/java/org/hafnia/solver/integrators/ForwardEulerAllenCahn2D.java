package org.hafnia.solver.integrators;

import java.util.Locale;

import org.hafnia.meshes.AxisBoundary;
import org.hafnia.meshes.BoundaryCondition;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.api.FreeEnergyDensity;
import org.hafnia.physics.kinetics.LangevinNoise;
import org.hafnia.solver.api.OneStepMethod;
import org.hafnia.solver.api.PhaseFieldStepper;
import org.hafnia.solver.parallel.ParallelRows;

/**
 * Explicit (forward) Euler integration of the 2D Allen–Cahn equation
 * φⁿ⁺¹ = clip[0,1]( φⁿ + Δt L (−f'(φⁿ) + κ ∇²_h φⁿ − b) ),
 * with the 5-point Laplacian on cell-centred nodes (physics.md §1.1). First order in time,
 * second order in space.
 *
 * <p>Stability: the scheme is stable when Δt L (2κ (1/dx² + 1/dy²) + max|f''|) ≤ 1, the
 * diffusion limit of the 5-point stencil plus the reaction term. A larger Δt is refused or,
 * with {@link StepControl#SUBSTEP}, split into the fewest equal sub-steps that satisfy it.
 *
 * <p>Device couplings (physics.md §1.3): a per-node mobility L_p (e.g. Arrhenius L(T) from
 * Joule heating) replaces L, with the stability limit taken at max L_p; and Langevin noise adds
 * the Euler–Maruyama increment √(2 L_p k_B T_p Δt / ΔV) ξ of {@link LangevinNoise}, whose
 * numbers are keyed by (seed, step counter, node).
 *
 * <p>Rows are updated in parallel bands; every node reads only the previous time level and
 * its noise depends on nothing but its index and the step counter, so the result is
 * bit-identical for any thread count. The two work arrays are allocated once.
 */
public final class ForwardEulerAllenCahn2D implements PhaseFieldStepper, AutoCloseable {

    private final AllenCahnModel2D model;
    private final double dt;
    private final StepControl control;
    private int substeps;
    private double[] mobilityField;
    private double maxMobility;
    private LangevinNoise noise;
    private double[] thermalEnergy;
    private long stepCounter;
    private final ParallelRows rows;
    private final double[] work;

    // Hoisted model constants of the kernel.
    private final int nx;
    private final int ny;
    private final double cx;
    private final double cy;
    private final double[] ghostX;
    private final double[] ghostY;
    private final boolean periodicX;
    private final boolean periodicY;
    private final FreeEnergyDensity energy;

    /**
     * @param model   the model
     * @param dt      time step Δt (> 0)
     * @param control what to do when Δt exceeds the stability limit
     * @param threads worker threads (≥ 1)
     */
    public ForwardEulerAllenCahn2D(AllenCahnModel2D model, double dt, StepControl control, int threads) {
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new InvalidInputException("time step Δt must be positive and finite, got " + dt);
        }
        this.model = model;
        this.dt = dt;
        this.control = control;
        this.maxMobility = model.mobility();
        this.substeps = substepsFor(dt);
        this.rows = new ParallelRows(threads);
        this.work = new double[model.grid().size()];
        this.nx = model.grid().nx();
        this.ny = model.grid().ny();
        this.cx = model.kappa() / (model.grid().dx() * model.grid().dx());
        this.cy = model.kappa() / (model.grid().dy() * model.grid().dy());
        this.periodicX = model.bc().x().isPeriodic();
        this.periodicY = model.bc().y().isPeriodic();
        this.ghostX = ghostCoefficients(model.bc().x());
        this.ghostY = ghostCoefficients(model.bc().y());
        this.energy = model.energy();
    }

    /** Sub-steps needed for {@code step} at the present largest mobility; refuses when not allowed. */
    private int substepsFor(double step) {
        double rate = model.explicitRate() * maxMobility / model.mobility();
        double limit = 1 / rate;
        if (step <= limit) {
            return 1;
        }
        if (control == StepControl.REFUSE) {
            throw new UnstableTimeStepException(step, limit, String.format(Locale.ROOT,
                    "Δt·max L·(2κ(1/dx² + 1/dy²) + max|f''|) = %.4g > 1", step * rate));
        }
        return (int) Math.ceil(step / limit);
    }

    /**
     * Sets a per-node mobility L_p (null restores the model's uniform L), e.g. Arrhenius L(T).
     * The stability limit is re-evaluated at max L_p: a Δt beyond it is refused or sub-stepped
     * according to the {@link StepControl}, never run silently. The array is read, not copied.
     */
    public void mobilityField(double[] mobility) {
        if (mobility != null && mobility.length != work.length) {
            throw new IllegalArgumentException("mobility field has " + mobility.length + " values, grid has " + work.length);
        }
        double max = model.mobility();
        if (mobility != null) {
            max = 0;
            for (double l : mobility) {
                if (!(l > 0) || !Double.isFinite(l)) {
                    throw new InvalidInputException("mobility must be positive and finite at every node, got " + l);
                }
                max = Math.max(max, l);
            }
        }
        double previous = maxMobility;
        maxMobility = max;
        int n;
        try {
            n = substepsFor(dt);
        } catch (UnstableTimeStepException e) {
            maxMobility = previous;
            throw e;
        }
        substeps = n;
        mobilityField = mobility;
    }

    /**
     * Switches Langevin noise on ({@code noise} non-null) with k_B T per node in the energy unit
     * of f ({@code thermalEnergy}, read not copied), or off (null).
     */
    public void noise(LangevinNoise noise, double[] thermalEnergy) {
        if (noise != null && (thermalEnergy == null || thermalEnergy.length != work.length)) {
            throw new IllegalArgumentException("noise needs k_B T at every one of the " + work.length + " nodes");
        }
        this.noise = noise;
        this.thermalEnergy = noise == null ? null : thermalEnergy;
    }

    /** Steps (sub-steps) taken so far: the counter that keys the noise; part of a checkpoint. */
    public long stepCounter() {
        return stepCounter;
    }

    /** Restores the step counter (resuming from a checkpoint). */
    public void stepCounter(long steps) {
        this.stepCounter = steps;
    }

    /** Largest Δt the explicit scheme accepts for this model: 1 / (L (2κ Σ 1/h² + max|f''|)). */
    public static double stableTimeStep(AllenCahnModel2D model) {
        return 1.0 / model.explicitRate();
    }

    /** Stability number Δt L (2κ Σ 1/h² + max|f''|) of the requested Δt (≤ 1 when stable). */
    public double stabilityNumber() {
        return dt * model.explicitRate();
    }

    /** Sub-steps taken per step (1 unless sub-stepping was needed). */
    public int substeps() {
        return substeps;
    }

    public AllenCahnModel2D model() {
        return model;
    }

    @Override
    public int size() {
        return work.length;
    }

    @Override
    public double timeStep() {
        return dt;
    }

    @Override
    public void advance(double[] phi, int steps, double bias, double[] profile) {
        if (phi.length != work.length) {
            throw new IllegalArgumentException("field has " + phi.length + " values, grid has " + work.length);
        }
        if (profile != null && profile.length != work.length) {
            throw new IllegalArgumentException("bias profile has " + profile.length + " values, grid has " + work.length);
        }
        double h = dt / substeps;
        double[] src = phi;
        double[] dst = work;
        for (int n = 0; n < steps * substeps; n++) {
            final double[] s = src;
            final double[] d = dst;
            final long counter = stepCounter;
            rows.forEach(ny, (j0, j1) -> updateRows(s, d, j0, j1, h, bias, profile, counter));
            stepCounter++;
            src = d;
            dst = s;
        }
        if (src != phi) {
            System.arraycopy(src, 0, phi, 0, phi.length);
        }
    }

    /** [offset, scale] of the ghost value on the low face, then on the high face. */
    private static double[] ghostCoefficients(AxisBoundary axis) {
        if (axis.isPeriodic()) {
            return new double[] {0, 0, 0, 0};
        }
        BoundaryCondition lo = axis.low();
        BoundaryCondition hi = axis.high();
        return new double[] {lo.ghostOffset(), lo.ghostScale(), hi.ghostOffset(), hi.ghostScale()};
    }

    private void updateRows(double[] p, double[] out, int j0, int j1, double h, double bias, double[] profile,
                            long counter) {
        double uniform = model.mobility();
        double[] lf = mobilityField;
        LangevinNoise eta = noise;
        boolean clip = model.clip();
        for (int j = j0; j < j1; j++) {
            int row = j * nx;
            // Neighbour rows; -1 marks a ghost row built from the centre value.
            int south = j > 0 ? row - nx : (periodicY ? (ny - 1) * nx : -1);
            int north = j < ny - 1 ? row + nx : (periodicY ? 0 : -1);
            for (int i = 0; i < nx; i++) {
                int idx = row + i;
                double c = p[idx];
                double w = i > 0 ? p[idx - 1] : (periodicX ? p[row + nx - 1] : ghostX[0] + ghostX[1] * c);
                double e = i < nx - 1 ? p[idx + 1] : (periodicX ? p[row] : ghostX[2] + ghostX[3] * c);
                double s = south >= 0 ? p[south + i] : ghostY[0] + ghostY[1] * c;
                double n = north >= 0 ? p[north + i] : ghostY[2] + ghostY[3] * c;
                double lap = cx * (w + e - 2 * c) + cy * (s + n - 2 * c);
                double b = profile == null ? bias : bias * profile[idx];
                double l = lf == null ? uniform : lf[idx];
                double v = c + h * l * (-energy.derivative(c) + lap - b);
                if (eta != null) {
                    v += eta.increment(counter, idx, l, thermalEnergy[idx], h);
                }
                if (clip) {
                    v = v < 0 ? 0 : (v > 1 ? 1 : v);
                }
                out[idx] = v;
            }
        }
    }

    /**
     * This integrator as a deterministic {@link OneStepMethod} for adaptive Δt at a fixed bias:
     * {@code stableStepLimit} is the explicit limit, and a longer step is refused. Refused
     * while noise is on (step doubling needs a deterministic step).
     */
    public OneStepMethod asOneStep(double bias, double[] profile) {
        if (noise != null) {
            throw new InvalidInputException("adaptive time stepping cannot be combined with Langevin noise: use a fixed Δt");
        }
        return OneStepMethod.firstOrder(work.length, () -> model.mobility() / (model.explicitRate() * maxMobility),
                (in, out, h) -> {
                    if (noise != null) {
                        throw new IllegalStateException("Langevin noise was switched on after adaptive stepping began");
                    }
                    double limit = model.mobility() / (model.explicitRate() * maxMobility);
                    if (h > limit) {
                        throw new UnstableTimeStepException(h, limit, "explicit Allen–Cahn step");
                    }
                    rows.forEach(ny, (j0, j1) -> updateRows(in, out, j0, j1, h, bias, profile, 0));
                });
    }

    @Override
    public void close() {
        rows.close();
    }
}
