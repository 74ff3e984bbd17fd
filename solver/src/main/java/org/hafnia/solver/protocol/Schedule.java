package org.hafnia.solver.protocol;

import java.util.List;
import java.util.Locale;

import org.hafnia.meshes.InvalidInputException;

/**
 * A {@link VoltageProtocol} converted to model time steps: a list of actions on a fixed model
 * time step Δt, with τ0 (s) the physical duration of one model time unit, so step n is at
 * t = n Δt τ0 seconds. Produced by {@link VoltageProtocol#compile}.
 *
 * @param actions the actions in order
 * @param dt      model time step Δt
 * @param tau0    time scale τ0 (s per model time unit)
 * @param law     voltage → bias law
 */
public record Schedule(List<Action> actions, double dt, double tau0, BiasLaw law) {

    /** Relative tolerance on a duration being a whole number of steps: round-off of the division. */
    private static final double WHOLE_STEPS_TOLERANCE = 1e-9;

    public Schedule {
        actions = List.copyOf(actions);
    }

    /** An action of the schedule. */
    public sealed interface Action permits Evolve, Measure, Mark {
    }

    /**
     * {@code steps} time steps while the voltage goes linearly from {@code from} to {@code to};
     * step k (0-based) uses the voltage at its midpoint, from + (to − from)(k + ½)/steps
     * (midpoint rule: second-order accurate in Δt for the time integral of the bias on a ramp).
     */
    public record Evolve(String label, int pulse, int steps, double from, double to) implements Action {
        public double voltageAt(int k) {
            return from == to ? from : from + (to - from) * ((k + 0.5) / steps);
        }
    }

    /** Reads the conductance at {@code voltage} after programming pulse {@code pulse}. */
    public record Measure(String label, int pulse, double voltage) implements Action {
    }

    /** A snapshot point. */
    public record Mark(String name) implements Action {
    }

    /** Total number of time steps. */
    public long totalSteps() {
        long n = 0;
        for (Action a : actions) {
            if (a instanceof Evolve e) {
                n += e.steps();
            }
        }
        return n;
    }

    /** Model time of step n, n Δt. */
    public double modelTime(long step) {
        return step * dt;
    }

    /** Physical time of step n, n Δt τ0 (s). */
    public double seconds(long step) {
        return step * dt * tau0;
    }

    /**
     * The voltage of the step taken next from {@code p}: that of the first {@link Evolve} at or
     * after it (0 V at the end of the schedule).
     */
    public double voltageAt(ScheduleRunner.Position p) {
        for (int a = p.action(); a < actions.size(); a++) {
            if (actions.get(a) instanceof Evolve e) {
                return e.voltageAt(a == p.action() ? p.offset() : 0);
            }
        }
        return 0;
    }

    /** Number of measurements. */
    public int measurements() {
        return (int) actions.stream().filter(a -> a instanceof Measure).count();
    }

    /** Steps of Δt τ0 in {@code seconds}; refuses a duration that is not a whole number of steps. */
    static int stepsOf(String label, double seconds, double dt, double tau0) {
        double n = seconds / (dt * tau0);
        long r = Math.round(n);
        if (Math.abs(n - r) > WHOLE_STEPS_TOLERANCE * Math.max(1, n) || r > Integer.MAX_VALUE) {
            throw new InvalidInputException(String.format(Locale.ROOT,
                    "%s: %.6g s is %.6g time steps of Δt·τ0 = %.6g s; make it a whole number of steps",
                    label, seconds, n, dt * tau0));
        }
        return (int) r;
    }
}
