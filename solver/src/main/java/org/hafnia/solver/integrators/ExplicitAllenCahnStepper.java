package org.hafnia.solver.integrators;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.kinetics.LangevinNoise;
import org.hafnia.solver.api.OneStepMethod;
import org.hafnia.solver.api.PhaseFieldStepper;
import org.hafnia.solver.kernels.AllenCahnKernel;
import org.hafnia.solver.parallel.ParallelRows;

/**
 * Forward Euler time stepping of an Allen–Cahn model with a fused {@link AllenCahnKernel}:
 * the step loop shared by the 2D and 3D steppers, with the {@link ExplicitStability} rule. The work
 * array and the worker threads are created once; the result does not depend on the number of
 * threads.
 *
 * <p>Device couplings: {@link #mobilityField} sets a per-node mobility L_k, with the stability
 * limit re-evaluated at max L_k (refused or sub-stepped, never run silently); {@link #noise}
 * adds Langevin noise keyed by (seed, {@link #stepCounter()}, node), so a run resumed with the
 * same counter repeats the same numbers.
 */
abstract sealed class ExplicitAllenCahnStepper implements PhaseFieldStepper
        permits ForwardEulerAllenCahn2D, ForwardEulerAllenCahn3D {

    private final double dt;
    /** The stiffest rate at the model's uniform mobility. */
    private final double rate;
    private final String criterion;
    private final StepControl control;
    private int substeps;
    /** Largest mobility in effect divided by the model's L: scales the stiffest rate. */
    private double mobilityScale = 1;
    private long stepCounter;
    private final AllenCahnKernel kernel;
    private final ParallelRows rows;
    private final double[] work;

    /**
     * @param rate      the stiffest rate L (2κ Σ 1/h² + max|f''|) of the model
     * @param criterion the stability criterion in words, for the refusal message
     */
    ExplicitAllenCahnStepper(double dt, double rate, String criterion, StepControl control, int threads,
                             AllenCahnKernel kernel) {
        this.substeps = ExplicitStability.substeps(dt, rate, criterion, control);
        this.dt = dt;
        this.rate = rate;
        this.criterion = criterion;
        this.control = control;
        this.kernel = kernel;
        this.rows = new ParallelRows(threads);
        this.work = new double[kernel.size()];
    }

    /** Stability number Δt max L (2κ Σ 1/h² + max|f''|) of the requested Δt (≤ 1 when stable). */
    public double stabilityNumber() {
        return dt * rate * mobilityScale;
    }

    /**
     * Sets a per-node mobility L_k (null restores the model's uniform L), e.g. Arrhenius L(T).
     * The stability limit is re-evaluated at max L_k: a Δt beyond it is refused or sub-stepped
     * according to the {@link StepControl}, never run silently. The array is read, not copied.
     */
    public void mobilityField(double[] mobility) {
        if (mobility != null && mobility.length != work.length) {
            throw new IllegalArgumentException("mobility field has " + mobility.length + " values, grid has " + work.length);
        }
        double scale = 1;
        if (mobility != null) {
            double max = 0;
            for (double l : mobility) {
                if (!(l > 0) || !Double.isFinite(l)) {
                    throw new InvalidInputException("mobility must be positive and finite at every node, got " + l);
                }
                max = Math.max(max, l);
            }
            scale = max / kernel.mobility();
        }
        substeps = ExplicitStability.substeps(dt, rate * scale, criterion.replace("Δt·L", "Δt·max L"), control);
        mobilityScale = scale;
        kernel.mobilityField(mobility);
    }

    /**
     * Switches Langevin noise on ({@code noise} non-null) with k_B T per node in the energy unit
     * of f ({@code thermalEnergy}, read not copied), or off (null).
     */
    public void noise(LangevinNoise noise, double[] thermalEnergy) {
        kernel.noise(noise, thermalEnergy);
    }

    /** Steps (sub-steps) taken so far: the counter that keys the noise; part of a checkpoint. */
    public long stepCounter() {
        return stepCounter;
    }

    /** Restores the step counter (resuming from a checkpoint). */
    public void stepCounter(long steps) {
        this.stepCounter = steps;
    }

    /**
     * This integrator as a deterministic {@link OneStepMethod} for adaptive Δt at a fixed bias:
     * its {@code stableStepLimit} is the explicit limit, and a longer step is refused. Refused
     * while noise is on (step doubling needs a deterministic step).
     */
    public OneStepMethod asOneStep(double bias, double[] profile) {
        if (kernel.hasNoise()) {
            throw new InvalidInputException("adaptive time stepping cannot be combined with Langevin noise: use a fixed Δt");
        }
        return OneStepMethod.firstOrder(work.length, () -> 1 / (rate * mobilityScale), (in, out, h) -> {
            double limit = 1 / (rate * mobilityScale);
            if (h > limit) {
                throw new UnstableTimeStepException(h, limit, "explicit Allen–Cahn step");
            }
            kernel.step(in, out, h, bias, profile, rows);
        });
    }

    /** Sub-steps taken per step (1 unless sub-stepping was needed). */
    public int substeps() {
        return substeps;
    }

    /** Worker threads, the caller's included. */
    public int threads() {
        return rows.threads();
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
        double h = dt / substeps;
        double[] src = phi;
        double[] dst = work;
        for (long n = 0, total = (long) steps * substeps; n < total; n++) {
            kernel.step(src, dst, h, bias, profile, stepCounter++, rows);
            double[] t = src;
            src = dst;
            dst = t;
        }
        if (src != phi) {
            System.arraycopy(src, 0, phi, 0, phi.length);
        }
    }

    @Override
    public void close() {
        rows.close();
    }
}
