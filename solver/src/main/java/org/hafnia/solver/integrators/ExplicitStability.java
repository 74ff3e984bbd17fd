package org.hafnia.solver.integrators;

import java.util.Locale;

import org.hafnia.meshes.InvalidInputException;

/**
 * The explicit Euler stability rule of the Allen–Cahn steppers of every backend:
 * Δt · rate ≤ 1 with rate = L (2κ Σ 1/h² + max|f''|), the diffusion limit of the stencil plus
 * the reaction term. A larger Δt is refused or split into the fewest equal stable sub-steps.
 */
public final class ExplicitStability {

    /** The criterion in words for a 2D model. */
    public static final String CRITERION_2D = "Δt·L·(2κ(1/dx² + 1/dy²) + max|f''|)";

    /** The criterion in words for a 3D model. */
    public static final String CRITERION_3D = "Δt·L·(2κ(1/dx² + 1/dy² + 1/dz²) + max|f''|)";

    /**
     * Most sub-steps of one step: a bound on the work of a step, not a physical limit. 10⁶
     * sub-steps of a 100 × 100 map are 10¹⁰ node updates for one step (minutes); a Δt that
     * needs more is refused with the count instead of running for hours (Δt = 1e300 asked 2³¹ − 1).
     */
    public static final long MAX_SUBSTEPS = 1_000_000;

    private ExplicitStability() {
    }

    /**
     * Sub-steps per step of size {@code dt} for a model of stiffest rate {@code rate}.
     *
     * @param criterion the criterion in words, for the refusal message
     * @throws UnstableTimeStepException when Δt is beyond the limit and {@code control} refuses it
     */
    public static int substeps(double dt, double rate, String criterion, StepControl control) {
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new InvalidInputException("time step Δt must be positive and finite, got " + dt);
        }
        double limit = 1.0 / rate;
        if (dt <= limit) {
            return 1;
        }
        if (control == StepControl.REFUSE) {
            throw new UnstableTimeStepException(dt, limit, String.format(Locale.ROOT, "%s = %.4g > 1", criterion,
                    dt * rate));
        }
        double n = Math.ceil(dt / limit);
        if (!(n <= MAX_SUBSTEPS)) {
            throw new InvalidInputException(String.format(Locale.ROOT, "time step Δt = %s needs %.3g stable sub-steps"
                    + " (explicit limit %.4g), more than the %d allowed per step: use a smaller Δt", Double.toString(dt), n, limit,
                    MAX_SUBSTEPS));
        }
        return (int) n;
    }
}
