package org.hafnia.solver.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hafnia.solver.api.PhaseFieldStepper;

/**
 * Runs a {@link PulseProtocol} on a {@link PhaseFieldStepper}, collecting the snapshots in
 * protocol order. Progress is reported at most {@value #PROGRESS_UPDATES} times per segment.
 */
public final class ProtocolRunner {

    private static final int PROGRESS_UPDATES = 100;

    private final PhaseFieldStepper stepper;
    private final double[] biasProfile;

    /** @param biasProfile per-node factor of each segment's bias, or null for a uniform bias */
    public ProtocolRunner(PhaseFieldStepper stepper, double[] biasProfile) {
        this.stepper = stepper;
        this.biasProfile = biasProfile;
    }

    public ProtocolRunner(PhaseFieldStepper stepper) {
        this(stepper, null);
    }

    /**
     * Runs the protocol from {@code phi} (overwritten with the final state).
     *
     * @return snapshots by name, in protocol order (copies)
     */
    public Map<String, double[]> run(PulseProtocol protocol, double[] phi, ProtocolListener listener) {
        double dt = stepper.timeStep();
        long total = protocol.totalSteps(dt);
        long done = 0;
        Map<String, double[]> snapshots = new LinkedHashMap<>();
        listener.progress(0, total);
        for (ProtocolElement e : protocol.elements()) {
            if (e instanceof ProtocolElement.Snapshot s) {
                double[] copy = phi.clone();
                snapshots.put(s.name(), copy);
                listener.snapshot(s.name(), copy.clone(), done, done * dt);
            } else if (e instanceof ProtocolElement.Segment seg) {
                int steps = seg.stepsFor(dt);
                int chunk = Math.max(1, steps / PROGRESS_UPDATES);
                for (int k = 0; k < steps; k += chunk) {
                    int n = Math.min(chunk, steps - k);
                    stepper.advance(phi, n, seg.bias(), biasProfile);
                    done += n;
                    listener.progress(done, total);
                }
            }
        }
        return Collections.unmodifiableMap(snapshots);
    }
}
