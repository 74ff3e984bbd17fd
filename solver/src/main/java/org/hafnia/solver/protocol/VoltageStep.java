package org.hafnia.solver.protocol;

import org.hafnia.meshes.InvalidInputException;

/**
 * One element of a {@link VoltageProtocol}, in physical units: volts and seconds.
 * The voltage is that of the top electrode with the bottom electrode grounded.
 */
public sealed interface VoltageStep permits VoltageStep.Ramp, VoltageStep.Read, VoltageStep.Snapshot {

    /**
     * The voltage goes linearly from {@code from} to {@code to} over {@code duration}
     * (a hold when they are equal; a gap when both are 0).
     *
     * @param label    name shown in logs
     * @param pulse    number of the programming pulse this belongs to (1, 2, …), or 0 outside pulses
     * @param from     voltage at the start (V)
     * @param to       voltage at the end (V)
     * @param duration duration (s), ≥ 0
     */
    record Ramp(String label, int pulse, double from, double to, double duration) implements VoltageStep {
        public Ramp {
            finite(label, "voltage", from);
            finite(label, "voltage", to);
            if (!(duration >= 0) || !Double.isFinite(duration)) {
                throw new InvalidInputException(label + ": duration must be ≥ 0 s, got " + duration + " s");
            }
        }
    }

    /**
     * A read: the read voltage is applied for {@code width} (the field keeps evolving under it,
     * so a long or strong read disturbs the state), then the conductance G = I / V is recorded.
     *
     * @param label   name of the read in the output
     * @param voltage read voltage (V), not 0
     * @param width   read duration (s), ≥ 0; 0 is an ideal, non-disturbing read
     */
    record Read(String label, double voltage, double width) implements VoltageStep {
        public Read {
            finite(label, "read voltage", voltage);
            if (voltage == 0) {
                throw new InvalidInputException(label + ": the read voltage must not be 0 V (G = I / V)");
            }
            if (!(width >= 0) || !Double.isFinite(width)) {
                throw new InvalidInputException(label + ": read width must be ≥ 0 s, got " + width + " s");
            }
        }
    }

    /** Records the field under {@code name}. */
    record Snapshot(String name) implements VoltageStep {
        public Snapshot {
            if (name == null || name.isBlank()) {
                throw new InvalidInputException("snapshot name must not be empty");
            }
        }
    }

    /**
     * A trapezoidal programming pulse: rise from 0 to {@code amplitude}, hold for {@code width},
     * fall back to 0. Width is the time at full amplitude, so the pulse lasts rise + width + fall.
     *
     * @param amplitude pulse voltage (V)
     * @param width     time at full amplitude (s), &gt; 0
     * @param rise      rise time (s), ≥ 0
     * @param fall      fall time (s), ≥ 0
     */
    record PulseShape(double amplitude, double width, double rise, double fall) {
        public PulseShape {
            finite("pulse", "amplitude", amplitude);
            if (!(width > 0) || !Double.isFinite(width)) {
                throw new InvalidInputException("pulse width must be > 0 s, got " + width + " s");
            }
            if (!(rise >= 0) || !(fall >= 0) || !Double.isFinite(rise) || !Double.isFinite(fall)) {
                throw new InvalidInputException("pulse rise and fall must be ≥ 0 s, got " + rise + " s and " + fall + " s");
            }
        }

        /** Total duration rise + width + fall (s). */
        public double duration() {
            return rise + width + fall;
        }
    }

    private static void finite(String label, String what, double v) {
        if (!Double.isFinite(v)) {
            throw new InvalidInputException(label + ": " + what + " must be finite, got " + v);
        }
    }
}
