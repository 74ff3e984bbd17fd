package org.hafnia.experiments.cases;

import java.nio.file.Path;
import java.util.List;
import java.util.function.LongToDoubleFunction;

import org.hafnia.postprocess.io.AtomicFiles;
import org.hafnia.solver.checkpoint.Checkpoint;

/**
 * {@code conductance.tsv} of every {@code hafnia run}, for the 3D run ({@link CaseRun}) and the device
 * run ({@link DeviceRun}) alike: one row per read, its pulse, label, step and time, then its values.
 */
final class ReadTable {

    private ReadTable() {
    }

    /**
     * Writes the table atomically.
     *
     * @param stepColumn the name of the step column ("step" of a schedule, "segment" of a device run)
     * @param columns    the names of a read's values, in {@link Checkpoint.Read#values()} order
     * @param seconds    the time (s) of a step
     */
    static void write(Path file, String stepColumn, String[] columns, List<Checkpoint.Read> reads, LongToDoubleFunction seconds) {
        StringBuilder g = new StringBuilder("pulse\tlabel\t" + stepColumn + "\ttime_s\t" + String.join("\t", columns) + "\n");
        for (Checkpoint.Read r : reads) {
            g.append(r.pulse()).append('\t').append(r.label()).append('\t').append(r.step()).append('\t')
                    .append(seconds.applyAsDouble(r.step()));
            for (double v : r.values()) {
                g.append('\t').append(v);
            }
            g.append('\n');
        }
        AtomicFiles.writeString(file, g.toString());
    }
}
