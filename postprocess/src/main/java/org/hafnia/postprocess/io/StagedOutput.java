package org.hafnia.postprocess.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The outputs of one command, staged in a hidden folder inside the output folder and moved
 * into place only by {@link #commit()}. Closing without committing deletes the staging folder,
 * so a command that fails leaves the output folder as it was.
 */
public final class StagedOutput implements AutoCloseable {

    private final Path directory;
    private final Path staging;
    private final List<String> names = new ArrayList<>();
    private boolean committed;

    private StagedOutput(Path directory, Path staging) {
        this.directory = directory;
        this.staging = staging;
    }

    public static StagedOutput in(Path directory) {
        try {
            Files.createDirectories(directory);
            return new StagedOutput(directory, Files.createTempDirectory(directory, ".staging-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output folder " + directory + ": " + AtomicFiles.reason(e), e);
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

    /** Moves every staged file into the output folder, each by an atomic rename. */
    public void commit() {
        try {
            for (String name : names) {
                Path from = staging.resolve(name);
                if (!Files.exists(from)) {
                    continue;
                }
                try {
                    Files.move(from, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(from, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
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
        deleteStaging();
    }

    private void deleteStaging() {
        if (!Files.exists(staging)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(staging)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove staging folder " + staging + ": " + AtomicFiles.reason(e), e);
        }
    }
}
