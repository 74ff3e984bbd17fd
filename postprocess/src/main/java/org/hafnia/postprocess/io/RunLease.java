package org.hafnia.postprocess.io;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.hafnia.meshes.InvalidInputException;

/**
 * One run at a time in a run folder on any store, where {@link OutputFolder}'s advisory file lock
 * does not exist (a Hadoop URI, docs/reliability.md): the file {@value #FILE}, created exclusively
 * ({@link RunStorage#createNew}) and naming its run, host, process id, start instant
 * ({@link RunProcess}) and heartbeat interval, held while the run writes and deleted when it ends.
 * <p>
 * A second run is refused in one line naming the holder. A holder that has ended is taken over:
 * renamed to a name of this run's own, re-read to check it is still the lease judged stale, then the
 * new one created. A holder of this host has ended when its process has; one of another host, whose
 * processes cannot be seen from here, when its heartbeat has stopped.
 * <p>
 * <b>Heartbeat.</b> While it holds the lease, a run rewrites its own beat file {@code .hafnia.beat.RUN}
 * every {@link #BEAT} with a count that rises by one each time (a count, not a time: no clocks are
 * compared across hosts). Another host's holder has ended when its count has not changed for
 * {@value #MISSED_BEATS} of its announced intervals, watched from here (a refused run waits up to
 * one interval, a takeover {@value #MISSED_BEATS}). A lease without a heartbeat (a run of a version
 * before it) is never judged. Each beat also re-reads the lease: a run whose lease has been taken
 * over or removed is told so by {@link #guard}, which refuses its further writes; between a beat and
 * the next, two writers remain possible (a store without fencing cannot exclude them).
 */
public final class RunLease implements AutoCloseable {

    /** The lease file, in the run folder. */
    public static final String FILE = ".hafnia.lease";

    /** How often a holder beats. */
    public static final Duration BEAT = Duration.ofSeconds(5);

    /**
     * Intervals without a beat after which another host's holder has ended: a minute at {@link #BEAT},
     * far beyond a JVM's pauses and a store's retries.
     */
    public static final int MISSED_BEATS = 12;

    private static final String BEAT_PREFIX = ".hafnia.beat.";

    /** The longest announced interval that is watched (10 min: a two-hour watch); a longer one is never judged. */
    private static final long MAX_BEAT_MS = 600_000;

    private final RunStorage folder;
    private final String run;
    private final ScheduledExecutorService beats;
    private long count;
    /** Why this run no longer holds the lease (seen by a beat), or null. */
    private volatile String lost;
    private boolean closed;

    private RunLease(RunStorage folder, String run, Duration beat) {
        this.folder = folder;
        this.run = run;
        scheduledBeat();
        beats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hafnia-lease-beat");
            t.setDaemon(true);
            return t;
        });
        long ms = beat.toMillis();
        beats.scheduleWithFixedDelay(this::scheduledBeat, ms, ms, TimeUnit.MILLISECONDS);
    }

    /**
     * Takes the lease of {@code folder} for this process (creating the folder where absent), beating
     * every {@link #BEAT}; notes (waiting on another host's holder) go to standard error.
     *
     * @throws InvalidInputException when another run holds it, naming that run and the lease file
     * @throws UncheckedIOException when the store fails (the message names the file)
     */
    public static RunLease take(RunStorage folder) {
        return take(folder, BEAT, System.err::println);
    }

    /** {@link #take(RunStorage)} with the heartbeat interval {@code beat} and the notes to {@code notes}. */
    public static RunLease take(RunStorage folder, Duration beat, Consumer<String> notes) {
        String run = UUID.randomUUID().toString();
        RunProcess me = RunProcess.current();
        byte[] mine = ("run=" + run + "\nhost=" + me.host() + "\npid=" + me.pid() + "\nstarted="
                + (me.started() == null ? "" : me.started()) + "\nheartbeat_ms=" + beat.toMillis() + "\n")
                .getBytes(StandardCharsets.UTF_8);
        // Each turn either takes the lease, refuses, or removes a stale holder's file; three turns cover
        // another run removing the same stale file at the same moment.
        for (int turn = 0; turn < 3; turn++) {
            if (folder.createNew(FILE, mine)) {
                return new RunLease(folder, run, beat);
            }
            Map<String, String> holder = read(folder);
            if (holder == null && !folder.isFile(FILE)) {
                continue; // released meanwhile
            }
            RunProcess p = holder == null ? null : process(holder);
            if (p == null) {
                throw held(folder, null);
            }
            if (p.isOfThisHost()) {
                if (!p.isGone()) {
                    throw held(folder, p);
                }
            } else {
                Boolean stopped = heartbeatStopped(folder, holder, p, notes);
                if (stopped == null) {
                    continue; // the lease changed while its heartbeat was watched
                }
                if (!stopped) {
                    throw held(folder, p);
                }
            }
            String stale = FILE + "." + run + ".stale";
            try {
                folder.rename(FILE, stale);
            } catch (UncheckedIOException e) {
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
            folder.delete(BEAT_PREFIX + holder.get("run"));
        }
        Map<String, String> holder = read(folder);
        throw held(folder, holder == null ? null : process(holder));
    }

    /**
     * Whether the heartbeat of {@code holder}, a process this host cannot judge, has stopped: false
     * (alive) at its first change, true when it has not changed for {@value #MISSED_BEATS} of its
     * intervals, null when the lease itself changed meanwhile; false at once for a lease without one
     * (or with an interval that is not positive or longer than {@link #MAX_BEAT_MS}).
     */
    private static Boolean heartbeatStopped(RunStorage folder, Map<String, String> holder, RunProcess p,
                                            Consumer<String> notes) {
        long interval;
        try {
            interval = Long.parseLong(holder.getOrDefault("heartbeat_ms", ""));
        } catch (NumberFormatException e) {
            return false; // a run without a heartbeat: never judged
        }
        if (interval <= 0 || interval > MAX_BEAT_MS) {
            return false; // none, or one no run of ours announces (a watch of hours): not judged
        }
        String beatFile = BEAT_PREFIX + holder.get("run");
        String first = text(folder, beatFile);
        long wait = interval * MISSED_BEATS;
        notes.accept("note: " + folder.location() + " is held by another hafnia run (" + p.describe()
                + "); watching its heartbeat for up to " + String.format(java.util.Locale.ROOT, "%.3g", wait / 1000.0)
                + " s to tell whether it still runs");
        long end = System.nanoTime() + wait * 1_000_000;
        while (System.nanoTime() < end) {
            try {
                Thread.sleep(Math.max(1, interval / 2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            Map<String, String> now = read(folder);
            if (now == null || !holder.get("run").equals(now.get("run"))) {
                return null;
            }
            String beat = text(folder, beatFile);
            if (beat != null && !beat.equals(first)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code storage} (this lease's folder, or a folder below it) refusing every write, rename and
     * deletion once a beat has found that this run no longer holds the lease; reads pass.
     */
    public RunStorage guard(RunStorage storage) {
        return new Guarded(storage, this);
    }

    /** Whether a beat has found this run's lease taken over or removed. */
    public boolean isLost() {
        return lost != null;
    }

    /** Throws when this run's lease has been taken over or removed (as its last beat saw it). */
    void check() {
        String why = lost;
        if (why != null) {
            throw new UncheckedIOException("cannot write " + folder.location() + ": " + why,
                    new java.io.IOException(why));
        }
    }

    /** Deletes the lease when it is still this run's, and its beat file; beats stop first. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        beats.shutdownNow();
        try {
            beats.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Map<String, String> holder = read(folder);
        folder.delete(BEAT_PREFIX + run);
        if (holder != null && run.equals(holder.get("run"))) {
            folder.delete(FILE);
        }
    }

    /** One beat: the lease re-read (still this run's?), then the count rewritten. */
    private void beat() {
        Map<String, String> holder = read(folder);
        if (holder == null || !run.equals(holder.get("run"))) {
            lost = "this run's lease " + FILE + " was " + (holder == null ? "removed" : "taken over by another hafnia run ("
                    + describe(holder) + ")") + " while it was writing there; it stops writing";
            return;
        }
        long n = count++;
        folder.write(BEAT_PREFIX + run, o -> o.write(("beat=" + n + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    /** A beat as scheduled: one that fails (the store unreachable a moment) is tried again at the next. */
    private void scheduledBeat() {
        if (lost != null) {
            return;
        }
        try {
            beat();
        } catch (RuntimeException e) {
            // The run's own writes report a store that stays unreachable.
        }
    }

    private static String describe(Map<String, String> holder) {
        RunProcess p = process(holder);
        return p == null ? "run " + holder.get("run") : p.describe();
    }

    /** The text of {@code name}, or null when it is absent or cannot be read at this moment. */
    private static String text(RunStorage folder, String name) {
        try {
            return folder.isFile(name) ? new String(folder.read(name), StandardCharsets.UTF_8) : null;
        } catch (UncheckedIOException e) {
            return null;
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
        String text = text(folder, name);
        if (text == null) {
            return null;
        }
        Map<String, String> m = new HashMap<>();
        for (String line : text.split("\n")) {
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

    /** A folder whose writes, renames and deletions first check the lease. */
    private record Guarded(RunStorage d, RunLease lease) implements RunStorage {
        @Override public String location() { return d.location(); }
        @Override public RunStorage folder(String name) { return new Guarded(d.folder(name), lease); }
        @Override public boolean exists() { return d.exists(); }
        @Override public boolean isFile(String name) { return d.isFile(name); }
        @Override public byte[] read(String name) { return d.read(name); }
        @Override public List<String> list() { return d.list(); }
        @Override public boolean isFolder(String name) { return d.isFolder(name); }
        @Override public java.nio.file.Path localFolder() { return d.localFolder(); }

        @Override
        public void write(String name, AtomicFiles.Content content) {
            lease.check();
            d.write(name, content);
        }

        @Override
        public boolean createNew(String name, byte[] content) {
            lease.check();
            return d.createNew(name, content);
        }

        @Override
        public void rename(String from, String to) {
            lease.check();
            d.rename(from, to);
        }

        @Override
        public void delete(String name) {
            lease.check();
            d.delete(name);
        }

        @Override
        public void deleteAll() {
            lease.check();
            d.deleteAll();
        }

        @Override
        public void create() {
            lease.check();
            d.create();
        }
    }
}
