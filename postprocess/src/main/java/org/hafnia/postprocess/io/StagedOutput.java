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

    /**
     * Path in the staging folder where the file {@code name} is to be written: a plain name, or a
     * relative path of plain names ({@code write-verify/array.json}) for a file of a subfolder of
     * the output folder, committed with the rest of the set ({@link #commit()}).
     */
    public Path file(String name) {
        String[] parts = name.split("/", -1);
        for (String part : parts) {
            if (part.isEmpty() || part.equals(".") || part.equals("..") || part.contains("\\")) {
                throw new IllegalArgumentException("staged file names are plain names or relative paths of plain names, got "
                        + name);
            }
        }
        if (!names.contains(name)) {
            names.add(name);
        }
        Path file = staging.resolve(name);
        if (parts.length > 1) {
            try {
                Files.createDirectories(file.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + file.getParent() + ": " + AtomicFiles.reason(e), e);
            }
        }
        return file;
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
     * atomic rename: the commit point), then each file is moved over its old version, the files
     * of subfolders into those subfolders (created where absent). A run killed between those
     * renames leaves the commit folder, which the next {@link OutputFolder} opening of this folder
     * rolls forward, so neither the folder nor its subfolders settle half old, half new.
     */
    public void commit() {
        try {
            Path commit = staging.resolveSibling(OutputFolder.COMMIT_PREFIX
                    + staging.getFileName().toString().substring(OutputFolder.STAGING_PREFIX.length()));
            Files.move(staging, commit, StandardCopyOption.ATOMIC_MOVE);
            staging = commit;
            StoredOutput.rollForward(new LocalRunStorage(folder.directory()), commit.getFileName().toString());
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
