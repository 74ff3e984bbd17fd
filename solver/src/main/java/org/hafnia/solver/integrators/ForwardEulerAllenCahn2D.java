package org.hafnia.solver.integrators;

import org.hafnia.solver.kernels.AllenCahnKernel;

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
 * <p>Each step is one pass of the fused {@link AllenCahnKernel} over parallel bands of rows;
 * every node reads only the previous time level, so the result is bit-identical for any
 * thread count. The work array and the worker threads are created once.
 */
public final class ForwardEulerAllenCahn2D extends ExplicitAllenCahnStepper {

    private final AllenCahnModel2D model;

    /**
     * @param model   the model
     * @param dt      time step Δt (> 0)
     * @param control what to do when Δt exceeds the stability limit
     * @param threads worker threads (≥ 1)
     */
    public ForwardEulerAllenCahn2D(AllenCahnModel2D model, double dt, StepControl control, int threads) {
        super(dt, model.explicitRate(), ExplicitStability.CRITERION_2D, control, threads,
                new AllenCahnKernel(model.grid(), model.bc(), model.energy(), model.kappa(), model.mobility(),
                        model.clip()));
        this.model = model;
    }

    /** Largest Δt the explicit scheme accepts for this model: 1 / (L (2κ Σ 1/h² + max|f''|)). */
    public static double stableTimeStep(AllenCahnModel2D model) {
        return 1.0 / model.explicitRate();
    }

    public AllenCahnModel2D model() {
        return model;
    }
}
