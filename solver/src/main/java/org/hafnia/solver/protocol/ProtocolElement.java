package org.hafnia.solver.protocol;

import org.hafnia.meshes.InvalidInputException;

/** One element of a {@link PulseProtocol}: a bias segment or a named snapshot point. */
public sealed interface ProtocolElement permits ProtocolElement.Segment, ProtocolElement.Snapshot {

    /**
     * A stretch of constant bias b, given either as a number of steps or as a duration in the
     * model's time unit (exactly one of the two; the other is −1 / NaN).
     *
     * @param label    name shown in progress and logs (e.g. "pulse 1")
     * @param steps    number of time steps, or −1 when a duration is given
     * @param duration duration, or NaN when steps are given
     * @param bias     the bias b (b > 0 lowers φ)
     */
    record Segment(String label, int steps, double duration, double bias) implements ProtocolElement {

        /** Tolerance on duration / Δt being a whole number: relative round-off of the division. */
        private static final double WHOLE_STEPS_TOLERANCE = 1e-9;

        public Segment {
            boolean bySteps = steps >= 0;
            boolean byDuration = !Double.isNaN(duration);
            if (bySteps == byDuration) {
                throw new InvalidInputException("segment '" + label + "': give either steps or a duration, not "
                        + (bySteps ? "both" : "neither"));
            }
            if (byDuration && !(duration >= 0 && Double.isFinite(duration))) {
                throw new InvalidInputException("segment '" + label + "': duration must be ≥ 0, got " + duration);
            }
            if (!Double.isFinite(bias)) {
                throw new InvalidInputException("segment '" + label + "': bias must be finite, got " + bias);
            }
        }

        public static Segment steps(String label, int steps, double bias) {
            if (steps < 0) {
                throw new InvalidInputException("segment '" + label + "': steps must be ≥ 0, got " + steps);
            }
            return new Segment(label, steps, Double.NaN, bias);
        }

        public static Segment duration(String label, double duration, double bias) {
            return new Segment(label, -1, duration, bias);
        }

        /** Number of steps of size {@code dt}; a duration must be a whole number of steps. */
        public int stepsFor(double dt) {
            if (steps >= 0) {
                return steps;
            }
            double n = duration / dt;
            long r = Math.round(n);
            if (Math.abs(n - r) > WHOLE_STEPS_TOLERANCE * Math.max(1, n) || r > Integer.MAX_VALUE) {
                throw new InvalidInputException("segment '" + label + "': duration " + duration
                        + " is not a whole number of time steps Δt = " + dt + " (" + n + " steps)");
            }
            return (int) r;
        }
    }

    /** Records the field under {@code name} at this point of the protocol. */
    record Snapshot(String name) implements ProtocolElement {
        public Snapshot {
            if (name == null || name.isBlank()) {
                throw new InvalidInputException("snapshot name must not be empty");
            }
        }
    }
}
