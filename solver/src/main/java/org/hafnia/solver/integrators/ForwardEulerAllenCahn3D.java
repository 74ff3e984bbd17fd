package org.hafnia.solver.integrators;

import org.hafnia.solver.kernels.AllenCahnKernel;

/**
 * Explicit (forward) Euler integration of the 3D Allen–Cahn equation
 * φⁿ⁺¹ = clip[0,1]( φⁿ + Δt L (−f'(φⁿ) + κ ∇²_h φⁿ − b) ),
 * with the 7-point Laplacian on cell-centred nodes. First order in time, second order in space.
 *
 * <p>Stability: Δt L (2κ (1/dx² + 1/dy² + 1/dz²) + max|f''|) ≤ 1, the diffusion limit of the
 * 7-point stencil plus the reaction term; a larger Δt is refused or sub-stepped as in
 * {@link ForwardEulerAllenCahn2D}. Bit-identical for any thread count; no allocation per step.
 */
public final class ForwardEulerAllenCahn3D extends ExplicitAllenCahnStepper {

    private final AllenCahnModel3D model;

    public ForwardEulerAllenCahn3D(AllenCahnModel3D model, double dt, StepControl control, int threads) {
        super(dt, model.explicitRate(), ExplicitStability.CRITERION_3D, control, threads,
                new AllenCahnKernel(model.grid(), model.bc(), model.energy(), model.kappa(), model.mobility(),
                        model.clip()));
        this.model = model;
    }

    /** Largest Δt the explicit scheme accepts for this model: 1 / (L (2κ Σ 1/h² + max|f''|)). */
    public static double stableTimeStep(AllenCahnModel3D model) {
        return 1.0 / model.explicitRate();
    }

    public AllenCahnModel3D model() {
        return model;
    }
}
