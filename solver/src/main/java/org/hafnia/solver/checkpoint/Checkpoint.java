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

import org.hafnia.solver.protocol.ScheduleRunner;

/**
 * The state of a protocol run at a step boundary: enough to continue it exactly. Doubles are
 * stored as their IEEE bits, so a resumed run repeats the uninterrupted one bit for bit. Random
 * numbers must be derived from (seed, step), so they need no state here.
 *
 * <p>Binary layout (big-endian, {@link DataOutputStream}): magic {@code HAFNIACK}, version,
 * fingerprint, position, stepper counter, φ, named fields, reads, energy samples, snapshots,
 * then a CRC-32 of everything before.
 *
 * @param fingerprint identifies the run's input (e.g. the case file's SHA-256); a checkpoint
 *                    resumes only the run it was written by
 * @param position    where to continue
 * @param stepperCounter the stepper's own step counter (it keys the Langevin noise and counts
 *                    sub-steps, so it is not always derivable from the position)
 * @param phi         the field at that point
 * @param fields      further per-node fields in effect at that point (e.g. a bias profile or a
 *                    mobility field updated every few steps), by name
 * @param reads       conductance reads so far
 * @param energies    energy samples so far
 * @param snapshots   snapshots written so far
 */
public record Checkpoint(String fingerprint, ScheduleRunner.Position position, long stepperCounter, double[] phi,
                         Map<String, double[]> fields, List<Read> reads, List<EnergySample> energies, List<SnapshotEntry> snapshots) {

    private static final long MAGIC = 0x484146_4E4941_434BL; // "HAFNIACK"
    private static final int VERSION = 1;

    public Checkpoint {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        reads = List.copyOf(reads);
        energies = List.copyOf(energies);
        snapshots = List.copyOf(snapshots);
    }

    /**
     * A read after programming pulse {@code pulse}: the measured quantities (e.g. V, I, G) in the
     * order the caller defines.
     */
    public record Read(String label, int pulse, long step, double[] values) {
    }

    /** Free energy (and mean φ) at a step. */
    public record EnergySample(long step, double energy, double meanPhi) {
    }

    /** A snapshot written at a step under a name. */
    public record SnapshotEntry(String name, long step) {
    }

    public void write(OutputStream target) throws IOException {
        ChecksummedBinary.write(target, MAGIC, VERSION, phi.length * 8, out -> {
            out.writeUTF(fingerprint);
            out.writeInt(position.action());
            out.writeInt(position.offset());
            out.writeLong(position.step());
            out.writeLong(stepperCounter);
            ChecksummedBinary.writeArray(out, phi);
            out.writeInt(fields.size());
            for (Map.Entry<String, double[]> f : fields.entrySet()) {
                out.writeUTF(f.getKey());
                ChecksummedBinary.writeArray(out, f.getValue());
            }
            out.writeInt(reads.size());
            for (Read r : reads) {
                out.writeUTF(r.label());
                out.writeInt(r.pulse());
                out.writeLong(r.step());
                out.writeInt(r.values().length);
                for (double v : r.values()) {
                    out.writeDouble(v);
                }
            }
            out.writeInt(energies.size());
            for (EnergySample e : energies) {
                out.writeLong(e.step());
                out.writeDouble(e.energy());
                out.writeDouble(e.meanPhi());
            }
            out.writeInt(snapshots.size());
            for (SnapshotEntry s : snapshots) {
                out.writeUTF(s.name());
                out.writeLong(s.step());
            }
        });
    }

    /** Reads a checkpoint; {@code source} names it in errors (a damaged or foreign file is bad input). */
    public static Checkpoint read(InputStream source, String name) {
        return ChecksummedBinary.read(source, name, MAGIC, VERSION, in -> {
            String fingerprint = in.readUTF();
            ScheduleRunner.Position pos = new ScheduleRunner.Position(in.readInt(), in.readInt(), in.readLong());
            long counter = in.readLong();
            double[] phi = ChecksummedBinary.readArray(in);
            Map<String, double[]> fields = new LinkedHashMap<>();
            for (int k = in.readInt(); k > 0; k--) {
                fields.put(in.readUTF(), ChecksummedBinary.readArray(in));
            }
            List<Read> reads = new ArrayList<>();
            for (int k = in.readInt(); k > 0; k--) {
                String label = in.readUTF();
                int pulse = in.readInt();
                long step = in.readLong();
                double[] values = new double[in.readInt()];
                for (int j = 0; j < values.length; j++) {
                    values[j] = in.readDouble();
                }
                reads.add(new Read(label, pulse, step, values));
            }
            List<EnergySample> energies = new ArrayList<>();
            for (int k = in.readInt(); k > 0; k--) {
                energies.add(new EnergySample(in.readLong(), in.readDouble(), in.readDouble()));
            }
            List<SnapshotEntry> snaps = new ArrayList<>();
            for (int k = in.readInt(); k > 0; k--) {
                snaps.add(new SnapshotEntry(in.readUTF(), in.readLong()));
            }
            return new Checkpoint(fingerprint, pos, counter, phi, fields, reads, energies, snaps);
        });
    }
}
