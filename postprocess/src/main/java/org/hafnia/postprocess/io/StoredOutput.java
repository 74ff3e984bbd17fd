package org.hafnia.postprocess.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;


/**
 * The commit protocol of an output set, over any {@link RunStorage}; {@link OutputFolder} and
 * {@link StagedOutput} use it for a local folder, and a store that is not this machine's file
 * system (an array run's {@code --out hdfs://…} under {@code --engine spark}) gets its set by
 * {@link #publish}: the set is written and committed on this machine first, by {@link StagedOutput}
 * in a local temporary folder (jhdf and the Parquet writer write local files), then every file is
 * copied into {@code DIR/.staging-ID}; one rename of that folder to {@code DIR/.commit-ID} is the
 * commit point; each file is renamed over its old version and the commit folder removed.
 * {@link #settle} is what opening a folder does: a commit folder a killed run left is rolled
 * forward, a staging folder or a stray temporary file removed. A store other than the local file
 * system has no lock: two runs into one URI at once are not prevented (docs/spark.md).
 */
public final class StoredOutput {

    private StoredOutput() {
    }

    /** Rolls forward what a killed publication committed and removes what it had not. */
    public static void settle(RunStorage dir) {
        for (String name : dir.list()) {
            if (name.startsWith(OutputFolder.COMMIT_PREFIX) && dir.isFolder(name)) {
                rollForward(dir, name);
            } else if (name.startsWith(OutputFolder.STAGING_PREFIX) && dir.isFolder(name)) {
                dir.delete(name);
            } else if (name.startsWith(".") && name.endsWith(".tmp") && dir.isFile(name)) {
                dir.delete(name);
            }
        }
    }

    /**
     * Publishes the committed set in the local folder {@code set} (its lock file aside) to
     * {@code dir}: staging folder, one rename (the commit point), the moves.
     */
    public static void publish(Path set, RunStorage dir) {
        String id = UUID.randomUUID().toString();
        String staging = OutputFolder.STAGING_PREFIX + id;
        String commit = OutputFolder.COMMIT_PREFIX + id;
        RunStorage stage = dir.folder(staging);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(set)) {
            files = walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals(OutputFolder.LOCK)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + set + ": " + AtomicFiles.reason(e), e);
        }
        for (Path f : files) {
            stage.write(set.relativize(f).toString().replace(java.io.File.separatorChar, '/'), o -> Files.copy(f, o));
        }
        dir.rename(staging, commit);
        rollForward(dir, commit);
    }

    /**
     * Moves every file of the commit folder {@code commit} of {@code dir} over its place in
     * {@code dir} (the files of a subfolder into the subfolder of that name), then removes the
     * commit folder.
     */
    static void rollForward(RunStorage dir, String commit) {
        moveContents(dir, commit, "");
        dir.delete(commit);
    }

    private static void moveContents(RunStorage dir, String commit, String sub) {
        RunStorage from = dir.folder(commit + sub);
        for (String name : from.list()) {
            if (from.isFolder(name)) {
                moveContents(dir, commit, sub + "/" + name);
            } else {
                dir.rename(commit + sub + "/" + name, (sub + "/" + name).substring(1));
            }
        }
    }
}
