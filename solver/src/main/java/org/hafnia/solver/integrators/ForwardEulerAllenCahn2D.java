package org.hafnia.solver.integrators;

import java.util.Locale;

import org.hafnia.meshes.AxisBoundary;
import org.hafnia.meshes.BoundaryCondition;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.api.FreeEnergyDensity;
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
 * <p>Rows are updated in parallel bands; every node reads only the previous time level, so
 * the result is bit-identical for any thread count. The two work arrays are allocated once.
 */
public final class ForwardEulerAllenCahn2D implements PhaseFieldStepper, AutoCloseable {

    private final AllenCahnModel2D model;
    private final double dt;
    private final int substeps;
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
        double limit = stableTimeStep(model);
        if (dt > limit) {
            if (control == StepControl.REFUSE) {
                throw new UnstableTimeStepException(dt, limit, String.format(Locale.ROOT,
                        "Δt·L·(2κ(1/dx² + 1/dy²) + max|f''|) = %.4g > 1", dt * model.explicitRate()));
            }
            substeps = (int) Math.ceil(dt / limit);
        } else {
            substeps = 1;
        }
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
            rows.forEach(ny, (j0, j1) -> updateRows(s, d, j0, j1, h, bias, profile));
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

    private void updateRows(double[] p, double[] out, int j0, int j1, double h, double bias, double[] profile) {
        double rate = h * model.mobility();
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
                double v = c + rate * (-energy.derivative(c) + lap - b);
                if (clip) {
                    v = v < 0 ? 0 : (v > 1 ? 1 : v);
                }
                out[idx] = v;
            }
        }
    }

    @Override
    public void close() {
        rows.close();
    }
}
