package org.hafnia.postprocess.io;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.hafnia.meshes.InvalidInputException;

/**
 * One run at a time in a run folder on any store, where {@link OutputFolder}'s advisory file lock
 * does not exist (a Hadoop URI, docs/reliability.md): the file {@value #FILE}, created exclusively
 * ({@link RunStorage#createNew}) and naming its run, host, process id and start instant
 * ({@link RunProcess}), held while the run writes and deleted when it ends.
 * <p>
 * A second run is refused in one line naming the holder. A lease whose holder is a process of this
 * host that has ended (killed, say) is taken over: renamed to a name of this run's own, re-read to
 * check it is still the lease judged stale, then the new one created. A holder on another host is
 * never judged (its processes cannot be seen from here): the message says to remove the file when no
 * run writes there. There is no heartbeat (S3 cannot update a file's time in place).
 */
public final class RunLease implements AutoCloseable {

    /** The lease file, in the run folder. */
    public static final String FILE = ".hafnia.lease";

    private final RunStorage folder;
    private final String run;
    private boolean closed;

    private RunLease(RunStorage folder, String run) {
        this.folder = folder;
        this.run = run;
    }

    /**
     * Takes the lease of {@code folder} for this process (creating the folder where absent).
     *
     * @throws InvalidInputException when another run holds it, naming that run and the lease file
     * @throws java.io.UncheckedIOException when the store fails (the message names the file)
     */
    public static RunLease take(RunStorage folder) {
        String run = UUID.randomUUID().toString();
        RunProcess me = RunProcess.current();
        byte[] mine = ("run=" + run + "\nhost=" + me.host() + "\npid=" + me.pid() + "\nstarted="
                + (me.started() == null ? "" : me.started()) + "\n").getBytes(StandardCharsets.UTF_8);
        // Each turn either takes the lease, refuses, or removes a stale holder's file; three turns cover
        // another run removing the same stale file at the same moment.
        for (int turn = 0; turn < 3; turn++) {
            if (folder.createNew(FILE, mine)) {
                return new RunLease(folder, run);
            }
            Map<String, String> holder = read(folder);
            if (holder == null && !folder.isFile(FILE)) {
                continue; // released meanwhile
            }
            RunProcess p = holder == null ? null : process(holder);
            if (p == null || !p.isGone()) {
                throw held(folder, p);
            }
            String stale = FILE + "." + run + ".stale";
            try {
                folder.rename(FILE, stale);
            } catch (java.io.UncheckedIOException e) {
                continue; // another run moved it first: try again
            }
            Map<String, String> moved = read(folder, stale);
            if (moved == null || !holder.get("run").equals(moved.get("run"))) {
                // Between the read and the rename another run replaced the stale lease with its own: put it back.
                folder.createNew(FILE, folder.read(stale));
                folder.delete(stale);
                throw held(folder, moved == null ? null : process(moved));
            }
            folder.delete(stale);
        }
        Map<String, String> holder = read(folder);
        throw held(folder, holder == null ? null : process(holder));
    }

    /** Deletes the lease when it is still this run's. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Map<String, String> holder = read(folder);
        if (holder != null && run.equals(holder.get("run"))) {
            folder.delete(FILE);
        }
    }

    private static InvalidInputException held(RunStorage folder, RunProcess holder) {
        String lease = folder.location() + (folder.location().endsWith("/") ? "" : "/") + FILE;
        return new InvalidInputException("run folder " + folder.location() + " is held by another hafnia run ("
                + (holder == null ? "its lease cannot be read: being written at this moment, or damaged" : holder.describe()) + "; " + lease
                + "); wait for it to finish, choose another --out, or remove " + lease + " if no run is writing there");
    }

    private static Map<String, String> read(RunStorage folder) {
        return read(folder, FILE);
    }

    /** The lease's keys, or null when it is absent or not (yet) a whole lease. */
    private static Map<String, String> read(RunStorage folder, String name) {
        byte[] text;
        try {
            text = folder.isFile(name) ? folder.read(name) : null;
        } catch (java.io.UncheckedIOException e) {
            text = null; // removed between the two calls
        }
        if (text == null) {
            return null;
        }
        Map<String, String> m = new HashMap<>();
        for (String line : new String(text, StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return m.containsKey("run") && m.containsKey("host") && m.containsKey("pid") && m.containsKey("started") ? m : null;
    }

    private static RunProcess process(Map<String, String> lease) {
        try {
            String started = lease.get("started");
            return new RunProcess(lease.get("host"), Long.parseLong(lease.get("pid")), started.isEmpty() ? null : Instant.parse(started));
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }
}
