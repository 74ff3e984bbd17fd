package org.hafnia.postprocess.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.hafnia.meshes.InvalidInputException;

/**
 * The one discipline of an output folder, for every command (docs/reliability.md):
 * <ul>
 *   <li>it never holds an input of the command ({@link #refuseInputs}, compared by real path);</li>
 *   <li>one run at a time: an advisory lock ({@link FileChannel#tryLock()}) on {@value #LOCK} in the
 *       folder, held while the folder is {@linkplain #lock open}; a second run is refused in one line;</li>
 *   <li>on opening, what an earlier, killed run left is settled: a committed set
 *       ({@value #COMMIT_PREFIX}*, see {@link StagedOutput#commit()}) is rolled forward into place,
 *       an uncommitted one ({@value #STAGING_PREFIX}*) and stray temporary files of
 *       {@link AtomicFiles} are removed;</li>
 *   <li>a folder this run created is removed again when the run fails ({@link #close(boolean)}).</li>
 * </ul>
 * Opening is re-entrant within one thread (a command and the {@link StagedOutput} it uses share
 * one lock); another thread or process is refused.
 */
public final class OutputFolder implements AutoCloseable {

    /** The lock file, kept in the folder (deleting a lock file would race with the next run). */
    public static final String LOCK = ".hafnia.lock";
    /** Prefix of an uncommitted set's folder ({@link StagedOutput}; also a set bound for another store). */
    public static final String STAGING_PREFIX = ".staging-";
    /** Prefix of a committed set's folder, rolled forward on opening. */
    public static final String COMMIT_PREFIX = ".commit-";

    private static final Map<Path, Holder> HELD = new HashMap<>();

    /** The lock of one folder in this JVM. */
    private static final class Holder {
        final Thread owner = Thread.currentThread();
        final FileChannel channel;
        final FileLock lock;
        final boolean created;
        int count;

        Holder(FileChannel channel, FileLock lock, boolean created) {
            this.channel = channel;
            this.lock = lock;
            this.created = created;
        }
    }

    private final Path directory;
    private final Path key;
    private boolean closed;

    private OutputFolder(Path directory, Path key) {
        this.directory = directory;
        this.key = key;
    }

    /**
     * Creates the folder if needed, takes its lock and settles what an earlier run left.
     *
     * @throws InvalidInputException when another run holds the folder
     * @throws UncheckedIOException  when the folder cannot be created or locked (the message names it)
     */
    public static OutputFolder lock(Path directory) {
        Path abs = directory.toAbsolutePath().normalize();
        synchronized (HELD) {
            Path key = realOrAbsolute(abs);
            Holder h = HELD.get(key);
            if (h != null) {
                if (h.owner != Thread.currentThread()) {
                    throw inUse(directory);
                }
                h.count++;
                return new OutputFolder(abs, key);
            }
            boolean created = !Files.exists(abs);
            try {
                Files.createDirectories(abs);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create output folder " + directory + " (--out): "
                        + AtomicFiles.reason(e), e);
            }
            key = realOrAbsolute(abs);
            FileChannel channel = null;
            try {
                channel = FileChannel.open(abs.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    channel.close();
                    throw inUse(directory);
                }
                h = new Holder(channel, lock, created);
                h.count = 1;
                HELD.put(key, h);
                channel = null;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock output folder " + directory + " (--out; " + LOCK + "): "
                        + AtomicFiles.reason(e), e);
            } finally {
                closeQuietly(channel);
            }
            OutputFolder f = new OutputFolder(abs, key);
            try {
                settle(abs);
            } catch (RuntimeException e) {
                f.close(true);
                throw e;
            }
            return f;
        }
    }

    /** The folder. */
    public Path directory() {
        return directory;
    }

    /**
     * Refuses an output folder that is, or holds, one of {@code inputs} (files or folders,
     * compared by real path so that links and {@code ..} do not hide it). Call before anything
     * is written.
     *
     * @param option the option that named the folder, for the message (e.g. "--out")
     * @param inputs the command's inputs; absent paths are skipped
     */
    public static void refuseInputs(Path directory, String option, Collection<Path> inputs) {
        Path out = realOrAbsolute(directory.toAbsolutePath().normalize());
        for (Path in : inputs) {
            if (in == null) {
                continue;
            }
            Path p = realOrAbsolute(in.toAbsolutePath().normalize());
            if (p.startsWith(out)) {
                throw new InvalidInputException(option + " " + directory + " holds the input " + in
                        + ": outputs would overwrite it; choose another output folder");
            }
        }
    }

    /** Releases the folder after a run that succeeded. */
    @Override
    public void close() {
        close(false);
    }

    /**
     * Releases the folder. The last release of a folder this run created removes it again when
     * the run {@code failed} (nothing is left behind), or when nothing but the lock file is in it.
     */
    public void close(boolean failed) {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (HELD) {
            Holder h = HELD.get(key);
            if (h == null || --h.count > 0) {
                return;
            }
            HELD.remove(key);
            try {
                h.lock.release();
            } catch (IOException ignored) {
                // the channel's close below releases it too
            }
            closeQuietly(h.channel);
            if (h.created && (failed || onlyLockLeft(directory))) {
                deleteTree(directory);
            }
        }
    }

    private static boolean onlyLockLeft(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.allMatch(p -> p.getFileName().toString().equals(LOCK));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Rolls committed sets forward, removes uncommitted ones and stray temporary files: the one
     * protocol of {@link StoredOutput#settle}, on this machine's file system.
     */
    private static void settle(Path dir) {
        StoredOutput.settle(new LocalRunStorage(dir));
    }

    /** Deletes {@code root} with everything in it; absent is not an error. */
    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root + ": " + AtomicFiles.reason(e), e);
        }
    }

    private static InvalidInputException inUse(Path directory) {
        return new InvalidInputException("output folder " + directory + " is in use by another hafnia run (lock "
                + LOCK + "); wait for it to finish or choose another --out");
    }

    private static Path realOrAbsolute(Path abs) {
        // The longest existing ancestor's real path, with the rest appended: stable before and after creation.
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
        } catch (IOException e) {
            return abs;
        }
    }

    private static void closeQuietly(FileChannel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // releasing: nothing more to do
            }
        }
    }
}
