package org.hafnia.solver.integrators;

import org.hafnia.solver.api.PhaseFieldStepper;
import org.hafnia.solver.kernels.AllenCahnKernel;
import org.hafnia.solver.parallel.ParallelRows;

/**
 * Forward Euler time stepping of an Allen–Cahn model with a fused {@link AllenCahnKernel}:
 * the step loop shared by the 2D and 3D steppers, with the {@link ExplicitStability} rule. The work
 * array and the worker threads are created once; the result does not depend on the number of
 * threads.
 */
abstract sealed class ExplicitAllenCahnStepper implements PhaseFieldStepper
        permits ForwardEulerAllenCahn2D, ForwardEulerAllenCahn3D {

    private final double dt;
    private final double rate;
    private final int substeps;
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
        this.kernel = kernel;
        this.rows = new ParallelRows(threads);
        this.work = new double[kernel.size()];
    }

    /** Stability number Δt L (2κ Σ 1/h² + max|f''|) of the requested Δt (≤ 1 when stable). */
    public double stabilityNumber() {
        return dt * rate;
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
            kernel.step(src, dst, h, bias, profile, rows);
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
