package org.hafnia.postprocess.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run's local scratch folder in {@code java.io.tmpdir} (what a run into a Hadoop URI stages before
 * publishing it), named after its process: {@code hafnia-KIND-PID-STARTMS-HOST-…}, with the host as
 * eight hex digits of its name's hash. A run killed with SIGKILL cannot remove its own; the next
 * {@link #create} removes every such folder of a process of this host that has ended
 * ({@link RunProcess#isGone()}), so what a killed run left lasts until the next run, not for ever.
 */
public final class ScratchFolder {

    private static final Pattern NAME = Pattern.compile("hafnia-[a-z]+-(\\d{1,18})-(\\d{1,18})-([0-9a-f]{8})-.*");

    private ScratchFolder() {
    }

    /**
     * Removes the scratch folders of ended processes, then creates this run's.
     *
     * @param kind what the folder is for, lower-case letters ("array", "sweep")
     * @throws UncheckedIOException when the folder cannot be created
     */
    public static Path create(String kind) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        removeStale(tmp);
        RunProcess me = RunProcess.current();
        String prefix = "hafnia-" + kind + "-" + me.pid() + "-" + (me.started() == null ? 0 : me.started().toEpochMilli()) + "-"
                + hostHash(me.host()) + "-";
        try {
            return Files.createTempDirectory(tmp, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a local scratch folder in " + tmp + ": " + AtomicFiles.reason(e), e);
        }
    }

    /** Removes, in {@code tmp}, the scratch folders whose process was of this host and has ended; others' are kept. */
    static void removeStale(Path tmp) {
        String host = hostHash(RunProcess.current().host());
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tmp, "hafnia-*")) {
            for (Path p : entries) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (!m.matches() || !m.group(3).equals(host) || !Files.isDirectory(p)) {
                    continue;
                }
                long started = Long.parseLong(m.group(2));
                RunProcess owner = new RunProcess(RunProcess.current().host(), Long.parseLong(m.group(1)),
                        started == 0 ? null : Instant.ofEpochMilli(started));
                if (owner.isGone()) {
                    try {
                        OutputFolder.deleteTree(p);
                    } catch (UncheckedIOException e) {
                        // another user's, or being removed by another run: not ours to insist on
                    }
                }
            }
        } catch (IOException e) {
            // an unreadable tmpdir or a foreign name: nothing of ours to remove there
        }
    }

    private static String hostHash(String host) {
        return String.format("%08x", host.hashCode());
    }
}
