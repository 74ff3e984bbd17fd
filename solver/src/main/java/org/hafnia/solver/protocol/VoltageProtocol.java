package org.hafnia.solver.protocol;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.hafnia.meshes.InvalidInputException;

/**
 * A pulse protocol in physical units (volts, seconds): programming pulses with rise and fall,
 * gaps, reads of the conductance and snapshot points, in order. Immutable; build it with
 * {@link #builder()}, which also expands trains and piecewise-linear waveforms.
 */
public record VoltageProtocol(List<VoltageStep> steps) {

    public VoltageProtocol {
        steps = List.copyOf(steps);
        Set<String> names = new HashSet<>();
        for (VoltageStep s : steps) {
            if (s instanceof VoltageStep.Snapshot snap && !names.add(snap.name())) {
                throw new InvalidInputException("protocol: snapshot name '" + snap.name() + "' is used twice");
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Number of programming pulses. */
    public int pulses() {
        int n = 0;
        for (VoltageStep s : steps) {
            if (s instanceof VoltageStep.Ramp r) {
                n = Math.max(n, r.pulse());
            }
        }
        return n;
    }

    /** Total duration (s). */
    public double duration() {
        double t = 0;
        for (VoltageStep s : steps) {
            if (s instanceof VoltageStep.Ramp r) {
                t += r.duration();
            } else if (s instanceof VoltageStep.Read r) {
                t += r.width();
            }
        }
        return t;
    }

    /**
     * Converts the protocol to model time steps: a duration t (s) is t / (τ0 Δt) steps of the
     * model time step Δt, where τ0 (s) is the physical duration of one model time unit.
     *
     * @param dt   model time step Δt (model time units)
     * @param tau0 time scale τ0 (s per model time unit)
     * @param law  voltage → bias law
     */
    public Schedule compile(double dt, double tau0, BiasLaw law) {
        if (!(dt > 0) || !(tau0 > 0) || !Double.isFinite(dt) || !Double.isFinite(tau0)) {
            throw new InvalidInputException("time step and time scale must be positive and finite, got Δt = "
                    + dt + ", τ0 = " + tau0 + " s");
        }
        List<Schedule.Action> actions = new ArrayList<>();
        int lastPulse = 0;
        for (VoltageStep s : steps) {
            if (s instanceof VoltageStep.Ramp r) {
                requireFiniteBias(r.label(), r.from(), law);
                requireFiniteBias(r.label(), r.to(), law);
                int n = Schedule.stepsOf(r.label(), r.duration(), dt, tau0);
                if (n > 0) {
                    actions.add(new Schedule.Evolve(r.label(), r.pulse(), n, r.from(), r.to()));
                }
                lastPulse = Math.max(lastPulse, r.pulse());
            } else if (s instanceof VoltageStep.Read r) {
                requireFiniteBias(r.label(), r.voltage(), law);
                int n = Schedule.stepsOf(r.label(), r.width(), dt, tau0);
                if (n > 0) {
                    actions.add(new Schedule.Evolve(r.label(), 0, n, r.voltage(), r.voltage()));
                }
                actions.add(new Schedule.Measure(r.label(), lastPulse, r.voltage()));
            } else if (s instanceof VoltageStep.Snapshot snap) {
                actions.add(new Schedule.Mark(snap.name()));
            }
        }
        return new Schedule(actions, dt, tau0, law);
    }

    /**
     * Refuses a voltage at which the law's bias overflows (ion hopping: sinh(V/V0) beyond
     * |V/V0| ≈ 710), which would turn φ into NaN part-way through a run. Both laws are monotone
     * in V, so the ends of a linear ramp bound it.
     */
    private static void requireFiniteBias(String label, double volts, BiasLaw law) {
        double b = law.bias(volts);
        if (!Double.isFinite(b)) {
            throw new InvalidInputException("'" + label + "': at " + volts + " V the drive law gives a bias of " + b
                    + " (" + law.describe() + "): the voltage is beyond what the law represents");
        }
    }

    /** Builds a protocol; pulses are numbered 1, 2, … in the order they are added. */
    public static final class Builder {
        private final List<VoltageStep> steps = new ArrayList<>();
        private int pulses;
        private int reads;

        /** A trapezoidal programming pulse. */
        public Builder pulse(String label, VoltageStep.PulseShape shape) {
            int p = ++pulses;
            steps.add(new VoltageStep.Ramp(label + " rise", p, 0, shape.amplitude(), shape.rise()));
            steps.add(new VoltageStep.Ramp(label, p, shape.amplitude(), shape.amplitude(), shape.width()));
            steps.add(new VoltageStep.Ramp(label + " fall", p, shape.amplitude(), 0, shape.fall()));
            return this;
        }

        /** A stretch at 0 V (relaxation). */
        public Builder gap(String label, double duration) {
            steps.add(new VoltageStep.Ramp(label, 0, 0, 0, duration));
            return this;
        }

        /** A read of G at {@code voltage} lasting {@code width}; labelled "read N" when label is null. */
        public Builder read(String label, double voltage, double width) {
            reads++;
            steps.add(new VoltageStep.Read(label == null ? "read " + reads : label, voltage, width));
            return this;
        }

        public Builder snapshot(String name) {
            steps.add(new VoltageStep.Snapshot(name));
            return this;
        }

        /**
         * {@code count} identical pulses, each followed by {@code gap} at 0 V and, when
         * {@code read} is not null, by that read (labelled "LABEL k read").
         */
        public Builder train(String label, int count, VoltageStep.PulseShape shape, double gap, VoltageStep.Read read) {
            if (count < 1) {
                throw new InvalidInputException(label + ": a train needs at least 1 pulse, got " + count);
            }
            for (int k = 1; k <= count; k++) {
                String name = String.format(Locale.ROOT, "%s %d", label, k);
                pulse(name, shape);
                if (gap > 0) {
                    gap(name + " gap", gap);
                }
                if (read != null) {
                    read(name + " read", read.voltage(), read.width());
                }
            }
            return this;
        }

        /**
         * A piecewise-linear waveform (as a SPICE PWL source): the voltage is {@code volts[k]}
         * at {@code times[k]} (s, strictly increasing from 0) and linear in between. The
         * whole waveform counts as one programming pulse.
         */
        public Builder waveform(String label, double[] times, double[] volts) {
            if (times.length != volts.length || times.length < 2) {
                throw new InvalidInputException(label + ": a waveform needs at least two (time, voltage) points");
            }
            if (times[0] != 0) {
                throw new InvalidInputException(label + ": the waveform must start at time 0 s, got " + times[0] + " s");
            }
            int p = ++pulses;
            for (int k = 1; k < times.length; k++) {
                if (!(times[k] > times[k - 1])) {
                    throw new InvalidInputException(label + ": times must increase strictly, point " + (k + 1)
                            + " has " + times[k] + " s after " + times[k - 1] + " s");
                }
                steps.add(new VoltageStep.Ramp(label + " segment " + k, p, volts[k - 1], volts[k],
                        times[k] - times[k - 1]));
            }
            return this;
        }

        public VoltageProtocol build() {
            return new VoltageProtocol(steps);
        }
    }
}
