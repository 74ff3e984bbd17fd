package org.hafnia.postprocess.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The outputs of one command, staged in a hidden folder inside the output folder and moved
 * into place only by {@link #commit()}, as a whole. Closing without committing deletes the
 * staging folder, so a command that fails leaves the output folder as it was. The folder is
 * held under the {@link OutputFolder} discipline (lock, settling of what a killed run left)
 * from {@link #in} to {@link #close()}.
 */
public final class StagedOutput implements AutoCloseable {

    private final Path directory;
    private final OutputFolder folder;
    private Path staging;
    private final List<String> names = new ArrayList<>();
    private boolean committed;

    private StagedOutput(Path directory, OutputFolder folder, Path staging) {
        this.directory = directory;
        this.folder = folder;
        this.staging = staging;
    }

    public static StagedOutput in(Path directory) {
        OutputFolder folder = OutputFolder.lock(directory);
        try {
            return new StagedOutput(directory, folder,
                    Files.createTempDirectory(folder.directory(), OutputFolder.STAGING_PREFIX));
        } catch (IOException e) {
            folder.close(true);
            throw new UncheckedIOException("cannot create a staging folder in " + directory + ": " + AtomicFiles.reason(e), e);
        }
    }

    /** The final folder. */
    public Path directory() {
        return directory;
    }

    /** Path in the staging folder where the file {@code name} is to be written. */
    public Path file(String name) {
        if (name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("staged file names are plain names, got " + name);
        }
        if (!names.contains(name)) {
            names.add(name);
        }
        return staging.resolve(name);
    }

    public void write(String name, AtomicFiles.Content content) {
        AtomicFiles.write(file(name), content);
    }

    public void writeString(String name, String text) {
        AtomicFiles.writeString(file(name), text);
    }

    /** Names of the staged files, in the order first requested. */
    public List<String> names() {
        return List.copyOf(names);
    }

    /**
     * Commits the staged set as a whole: the staging folder is renamed to a commit folder (one
     * atomic rename: the commit point), then each file is moved over its old version. A run
     * killed between those renames leaves the commit folder, which the next {@link OutputFolder}
     * opening rolls forward, so the folder never settles half old, half new.
     */
    public void commit() {
        try {
            Path commit = staging.resolveSibling(OutputFolder.COMMIT_PREFIX
                    + staging.getFileName().toString().substring(OutputFolder.STAGING_PREFIX.length()));
            Files.move(staging, commit, StandardCopyOption.ATOMIC_MOVE);
            staging = commit;
            OutputFolder.moveContents(commit, folder.directory());
            committed = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move results into " + directory + ": " + AtomicFiles.reason(e), e);
        } finally {
            deleteStaging();
        }
    }

    public boolean committed() {
        return committed;
    }

    @Override
    public void close() {
        try {
            deleteStaging();
        } finally {
            folder.close(!committed);
        }
    }

    private void deleteStaging() {
        OutputFolder.deleteTree(staging);
    }
}
