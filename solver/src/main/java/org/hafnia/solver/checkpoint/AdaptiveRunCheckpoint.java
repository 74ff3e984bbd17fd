package org.hafnia.solver.checkpoint;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.solver.integrators.AdaptiveTimeStepper;

/**
 * The state of a set of adaptive-Δt runs (e.g. a benchmark and its convergence runs, done one
 * after the other) between two accepted steps: enough to continue it bit for bit. Doubles are
 * stored as their IEEE bits.
 *
 * <p>Binary layout (big-endian, {@link DataOutputStream}, framed like {@link Checkpoint}: magic
 * {@code HAFNIAAR}, version, body, CRC-32): parameters, run, next report, t, stepper state,
 * state vector, per run its sample rows and seconds.
 *
 * @param parameters the command's parameters by name; a checkpoint resumes only a run with the same
 * @param run        index of the run in progress within the set
 * @param nextReport index of the next report time of that run (the samples before it are taken)
 * @param time       the time reached
 * @param stepper    the controller's state at that time
 * @param state      the state vector at that time
 * @param samples    for runs 0 … run, the sample rows reported so far (columns as the caller defines)
 * @param seconds    for runs 0 … run, wall-clock seconds spent so far (for reports only)
 */
public record AdaptiveRunCheckpoint(Map<String, String> parameters, int run, int nextReport, double time,
                                    AdaptiveTimeStepper.State stepper, double[] state, List<List<double[]>> samples,
                                    double[] seconds) {

    private static final long MAGIC = 0x484146_4E4941_4152L; // "HAFNIAAR"
    private static final int VERSION = 1;

    public AdaptiveRunCheckpoint {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        samples = samples.stream().map(List::copyOf).toList();
        if (samples.size() != run + 1 || seconds.length != run + 1) {
            throw new IllegalArgumentException("run " + run + " needs " + (run + 1) + " sample lists and times, got "
                    + samples.size() + " and " + seconds.length);
        }
    }

    /**
     * Refuses to continue a run whose parameters differ from the checkpoint's, naming the first
     * parameter that differs.
     *
     * @param name the checkpoint file, for the message
     */
    public void requireParameters(Map<String, String> current, String name) {
        for (Map.Entry<String, String> e : current.entrySet()) {
            String saved = parameters.get(e.getKey());
            if (!e.getValue().equals(saved)) {
                throw new InvalidInputException(name + " was written " + (saved == null ? "without " + e.getKey()
                        : "with " + e.getKey() + " " + saved) + ", this run has "
                        + e.getKey() + " " + e.getValue() + ": resume with the same parameters, or choose another --out");
            }
        }
        for (String key : parameters.keySet()) {
            if (!current.containsKey(key)) {
                throw new InvalidInputException(name + " was written with " + key + " " + parameters.get(key)
                        + ", which this run does not set: resume with the same parameters, or choose another --out");
            }
        }
    }

    public void write(OutputStream target) throws IOException {
        ChecksummedBinary.write(target, MAGIC, VERSION, state.length * 8, out -> {
            out.writeInt(parameters.size());
            for (Map.Entry<String, String> e : parameters.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
            out.writeInt(run);
            out.writeInt(nextReport);
            out.writeDouble(time);
            out.writeDouble(stepper.step());
            out.writeLong(stepper.accepted());
            out.writeLong(stepper.rejected());
            out.writeDouble(stepper.largestError());
            ChecksummedBinary.writeArray(out, state);
            for (int r = 0; r <= run; r++) {
                out.writeDouble(seconds[r]);
                out.writeInt(samples.get(r).size());
                for (double[] row : samples.get(r)) {
                    ChecksummedBinary.writeArray(out, row);
                }
            }
        });
    }

    /** Reads a checkpoint; {@code name} names it in errors (a damaged or foreign file is bad input). */
    public static AdaptiveRunCheckpoint read(InputStream source, String name) {
        return ChecksummedBinary.read(source, name, MAGIC, VERSION, in -> {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int k = in.readInt(); k > 0; k--) {
                parameters.put(in.readUTF(), in.readUTF());
            }
            int run = in.readInt();
            int nextReport = in.readInt();
            double time = in.readDouble();
            AdaptiveTimeStepper.State stepper = new AdaptiveTimeStepper.State(in.readDouble(), in.readLong(),
                    in.readLong(), in.readDouble());
            double[] state = ChecksummedBinary.readArray(in);
            if (run < 0) {
                throw new InvalidInputException(name + ": checkpoint names run " + run);
            }
            double[] seconds = new double[run + 1];
            List<List<double[]>> samples = new ArrayList<>();
            for (int r = 0; r <= run; r++) {
                seconds[r] = in.readDouble();
                List<double[]> rows = new ArrayList<>();
                for (int k = in.readInt(); k > 0; k--) {
                    rows.add(ChecksummedBinary.readArray(in));
                }
                samples.add(rows);
            }
            return new AdaptiveRunCheckpoint(parameters, run, nextReport, time, stepper, state, samples, seconds);
        });
    }
}
