package org.hafnia.solver.api;

/**
 * A one-step time integrator with a free step size, as used by adaptive step control: maps the
 * state at t to the state at t + Δt. Deterministic (no noise), so that the same step taken
 * twice gives the same result.
 */
public interface OneStepMethod {

    /** The body of one step, {@code in} → {@code out} over {@code dt}. */
    @FunctionalInterface
    interface Step {
        void step(double[] in, double[] out, double dt);
    }

    /** A first-order method of {@code size} unknowns with stability limit {@code limit} (re-read each call). */
    static OneStepMethod firstOrder(int size, java.util.function.DoubleSupplier limit, Step body) {
        return new OneStepMethod() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public int order() {
                return 1;
            }

            @Override
            public double stableStepLimit() {
                return limit.getAsDouble();
            }

            @Override
            public void step(double[] in, double[] out, double dt) {
                body.step(in, out, dt);
            }
        };
    }

    /** Number of unknowns. */
    int size();

    /** Order of accuracy p of one step (local error O(Δt^(p+1))). */
    int order();

    /**
     * Largest Δt the method may take (its explicit stability limit), or +∞ when it is
     * unconditionally stable. Adaptive control never exceeds it.
     */
    double stableStepLimit();

    /** Writes the state after one step of {@code dt} from {@code in} into {@code out} (distinct arrays). */
    void step(double[] in, double[] out, double dt);

    /**
     * Step doubling: one step of {@code dt} into {@code full}, and two steps of {@code dt/2} into
     * {@code twoHalves}, using {@code half} as scratch for the midpoint. Methods that can share
     * work between the two (e.g. a transform of {@code in}) override this.
     */
    default void stepDoubling(double[] in, double dt, double[] full, double[] half, double[] twoHalves) {
        step(in, full, dt);
        step(in, half, dt / 2);
        step(half, twoHalves, dt / 2);
    }
}
