package org.hafnia.solver.integrators;

import org.hafnia.meshes.InvalidInputException;

/** A time step beyond the explicit stability limit was requested without sub-stepping. */
public final class UnstableTimeStepException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    private final double timeStep;
    private final double limit;

    public UnstableTimeStepException(double timeStep, double limit, String criterion) {
        super(String.format(java.util.Locale.ROOT,
                "time step Δt = %.6g breaks the explicit stability limit (%s); the largest stable Δt is %.6g: "
                        + "use a smaller Δt or allow sub-stepping", timeStep, criterion, limit));
        this.timeStep = timeStep;
        this.limit = limit;
    }

    public double timeStep() {
        return timeStep;
    }

    /** Largest stable Δt. */
    public double limit() {
        return limit;
    }
}
