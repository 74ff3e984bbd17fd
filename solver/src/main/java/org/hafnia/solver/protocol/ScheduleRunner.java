package org.hafnia.solver.protocol;

import org.hafnia.solver.api.PhaseFieldStepper;

/**
 * Runs a {@link Schedule} on a {@link PhaseFieldStepper}, from any {@link Position}, so that a
 * run can stop (at a step limit, or killed) and continue from a checkpoint: the sequence of
 * steps and biases, hence the result, does not depend on where it was interrupted.
 *
 * <p>The listener's {@link Listener#boundary} is called whenever the global step count reaches
 * a multiple of {@code interval} (the points where a caller samples energies or checkpoints).
 */
public final class ScheduleRunner {

    /**
     * Where a run stands: the next action to execute, the steps of it already done, and the
     * global step count.
     */
    public record Position(int action, int offset, long step) {
        public static final Position START = new Position(0, 0, 0);
    }

    /** Receives the events of a schedule run. */
    public interface Listener {
        /** A read point: the caller measures the device in state {@code phi} at {@code m.voltage()}. */
        void read(Schedule.Measure m, long step, double[] phi);

        /** A snapshot point; {@code phi} is the live field (copy it to keep it). */
        void snapshot(String name, long step, double[] phi);

        /** The global step count reached a multiple of the interval; {@code next} resumes from here. */
        void boundary(Position next, double[] phi);
    }

    private final PhaseFieldStepper stepper;
    private final double[] biasProfile;

    /**
     * @param stepper     the time stepper; its Δt must be the schedule's
     * @param biasProfile per-node factor of the bias (e.g. a field-driven profile), or null for uniform
     */
    public ScheduleRunner(PhaseFieldStepper stepper, double[] biasProfile) {
        this.stepper = stepper;
        this.biasProfile = biasProfile;
    }

    /**
     * Runs {@code schedule} from {@code from} on {@code phi} (overwritten) until the end or until
     * the global step count reaches {@code stopAt}.
     *
     * @param interval steps between {@link Listener#boundary} calls (≥ 1)
     * @return the position reached (the end: action = number of actions)
     */
    public Position run(Schedule schedule, double[] phi, Position from, int interval, long stopAt, Listener listener) {
        if (Math.abs(stepper.timeStep() - schedule.dt()) > 1e-15 * schedule.dt()) {
            throw new IllegalArgumentException("stepper Δt " + stepper.timeStep() + " differs from the schedule's "
                    + schedule.dt());
        }
        if (interval < 1) {
            throw new IllegalArgumentException("interval must be ≥ 1, got " + interval);
        }
        BiasLaw law = schedule.law();
        int a = from.action();
        int offset = from.offset();
        long step = from.step();
        while (a < schedule.actions().size()) {
            Schedule.Action action = schedule.actions().get(a);
            if (action instanceof Schedule.Evolve e) {
                while (offset < e.steps()) {
                    if (step >= stopAt) {
                        return new Position(a, offset, step);
                    }
                    long toBoundary = interval - step % interval;
                    int n = (int) Math.min(Math.min(e.steps() - offset, toBoundary), stopAt - step);
                    if (e.from() == e.to()) {
                        stepper.advance(phi, n, law.bias(e.from()), biasProfile);
                    } else {
                        for (int k = 0; k < n; k++) {
                            stepper.advance(phi, 1, law.bias(e.voltageAt(offset + k)), biasProfile);
                        }
                    }
                    offset += n;
                    step += n;
                    if (step % interval == 0) {
                        Position next = offset < e.steps() ? new Position(a, offset, step) : new Position(a + 1, 0, step);
                        listener.boundary(next, phi);
                    }
                }
            } else if (action instanceof Schedule.Measure m) {
                listener.read(m, step, phi);
            } else if (action instanceof Schedule.Mark mark) {
                listener.snapshot(mark.name(), step, phi);
            }
            a++;
            offset = 0;
        }
        return new Position(a, 0, step);
    }
}
