package org.hafnia.solver.api;

/**
 * Advances a phase field φ (a flat array) in time under a bias term b, in place. The bias at
 * node k is {@code bias · profile[k]}, or the uniform {@code bias} when {@code profile} is null.
 */
public interface PhaseFieldStepper extends AutoCloseable {

    /** Number of nodes of the fields this stepper advances. */
    int size();

    /** The time step Δt of one {@link #advance} step, in the model's time unit. */
    double timeStep();

    /**
     * Advances φ by {@code steps} time steps of {@link #timeStep()}.
     *
     * @param phi     the field, overwritten with the result
     * @param steps   number of steps (≥ 0)
     * @param bias    bias amplitude
     * @param profile per-node factor of the bias, or null for a uniform bias
     */
    void advance(double[] phi, int steps, double bias, double[] profile);

    /** Releases worker threads or native buffers; a no-op by default. */
    @Override
    default void close() {
    }
}
