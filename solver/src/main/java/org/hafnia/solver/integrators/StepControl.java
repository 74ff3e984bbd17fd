package org.hafnia.solver.integrators;

/** What an explicit stepper does with a Δt beyond its stability limit. */
public enum StepControl {
    /** Refuse it with an {@link UnstableTimeStepException} that states the limit. */
    REFUSE,
    /** Split each step into the fewest equal sub-steps that satisfy the limit. */
    SUBSTEP
}
