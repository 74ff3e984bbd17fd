package org.hafnia.experiments.cli;

import java.nio.file.Path;

import org.hafnia.postprocess.io.OutputFolder;
import org.hafnia.postprocess.io.RunLease;
import org.hafnia.postprocess.io.RunStorage;
import org.hafnia.postprocess.io.ScratchFolder;

import picocli.CommandLine.Model.CommandSpec;

/**
 * How {@code hafnia array} and {@code hafnia sweep} run into a Hadoop URI {@code --out}, the
 * discipline {@link OutputFolder} gives a local folder (docs/reliability.md): a {@code file:} URI
 * that is or holds an input is refused; the folder is held by a {@link RunLease} (and a {@code file:}
 * URI's also by {@link OutputFolder}'s lock, as a run into its path holds it); the run stages in a
 * local {@link ScratchFolder}, removed when it ends (or by the next run, when it was killed); a
 * folder the run created is removed again when it fails. The command writes through the lease's
 * {@link RunLease#guard}: once its lease has been taken over (its heartbeat missed, docs/reliability.md)
 * it writes nothing more there.
 */
final class UriOutput {

    /** The command's work, given its local scratch folder and the held folder (refusing writes once the lease is lost). */
    interface Body {
        int run(Path scratch, RunStorage held);
    }

    private UriOutput() {
    }

    static int run(CommandSpec spec, RunStorage folder, String kind, Body body) {
        if (folder.localFolder() != null) {
            OutputFolder.refuseInputs(folder.localFolder(), OptionValidation.OUT_OPTION, OptionValidation.inputs(spec));
        }
        boolean created = !folder.exists();
        // Taken before the try: a run refused here removes nothing, not even a folder it saw absent.
        RunLease lease = RunLease.take(folder);
        OutputFolder lock = null;
        boolean ok = false;
        Path scratch = null;
        try (lease) {
            // A file: URI is a folder of this machine too: its lock keeps out a run that names it as a path.
            lock = folder.localFolder() == null ? null : OutputFolder.lock(folder.localFolder());
            scratch = ScratchFolder.create(kind);
            int status = body.run(scratch, lease.guard(folder));
            ok = true;
            return status;
        } finally {
            if (lock != null) {
                lock.close(!ok);
            }
            if (scratch != null) {
                OutputFolder.deleteTree(scratch);
            }
            if (!ok && created && !lease.isLost()) {
                // As a local folder the run created (OutputFolder): nothing left behind by a run that failed
                // (unless the folder is another run's now).
                folder.deleteAll();
            }
        }
    }
}
