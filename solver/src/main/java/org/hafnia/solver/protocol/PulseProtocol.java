package org.hafnia.solver.protocol;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.hafnia.meshes.InvalidInputException;

/** An ordered sequence of bias segments and named snapshot points. Immutable. */
public record PulseProtocol(List<ProtocolElement> elements) {

    public PulseProtocol {
        elements = List.copyOf(elements);
        Set<String> names = new HashSet<>();
        for (ProtocolElement e : elements) {
            if (e instanceof ProtocolElement.Snapshot s && !names.add(s.name())) {
                throw new InvalidInputException("protocol: snapshot name '" + s.name() + "' is used twice");
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Total number of steps of size {@code dt}. */
    public long totalSteps(double dt) {
        long n = 0;
        for (ProtocolElement e : elements) {
            if (e instanceof ProtocolElement.Segment s) {
                n += s.stepsFor(dt);
            }
        }
        return n;
    }

    /** Snapshot names in protocol order. */
    public List<String> snapshotNames() {
        List<String> names = new ArrayList<>();
        for (ProtocolElement e : elements) {
            if (e instanceof ProtocolElement.Snapshot s) {
                names.add(s.name());
            }
        }
        return names;
    }

    /**
     * The published Fig. 4 protocol (physics.md §1.2): snapshot "initial"; 60 relaxation steps
     * at b = 0, snapshot "relaxed"; then twice: {@code pulseSteps} steps at b = {@code bias} and
     * {@code restSteps} at b = 0, snapshots "pulse1" and "pulse2". Published values: 60, 10, 30, 10.
     */
    public static PulseProtocol fig4(int relaxSteps, int pulseSteps, double bias, int restSteps) {
        return builder()
                .snapshot("initial")
                .steps("relaxation", relaxSteps, 0)
                .snapshot("relaxed")
                .steps("pulse 1", pulseSteps, bias)
                .steps("rest 1", restSteps, 0)
                .snapshot("pulse1")
                .steps("pulse 2", pulseSteps, bias)
                .steps("rest 2", restSteps, 0)
                .snapshot("pulse2")
                .build();
    }

    /** The published Fig. 4 protocol with its published numbers. */
    public static PulseProtocol fig4() {
        return fig4(60, 10, 30, 10);
    }

    /** Builds a protocol element by element. */
    public static final class Builder {
        private final List<ProtocolElement> elements = new ArrayList<>();

        public Builder steps(String label, int steps, double bias) {
            elements.add(ProtocolElement.Segment.steps(label, steps, bias));
            return this;
        }

        public Builder duration(String label, double duration, double bias) {
            elements.add(ProtocolElement.Segment.duration(label, duration, bias));
            return this;
        }

        public Builder snapshot(String name) {
            elements.add(new ProtocolElement.Snapshot(name));
            return this;
        }

        public PulseProtocol build() {
            return new PulseProtocol(elements);
        }
    }
}
