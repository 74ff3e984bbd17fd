package org.hafnia.postprocess.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;


/** A run folder on this machine's file system, through java.nio ({@link AtomicFiles} for the atomic writes). */
public record LocalRunStorage(Path dir) implements RunStorage {

    @Override
    public String location() {
        return dir.toString();
    }

    @Override
    public RunStorage folder(String name) {
        return new LocalRunStorage(dir.resolve(name));
    }

    @Override
    public boolean exists() {
        return Files.isDirectory(dir);
    }

    @Override
    public boolean isFile(String name) {
        return Files.isRegularFile(dir.resolve(name));
    }

    @Override
    public boolean isFolder(String name) {
        return Files.isDirectory(dir.resolve(name), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public byte[] read(String name) {
        try {
            return Files.readAllBytes(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(name) + ": " + AtomicFiles.reason(e), e);
        }
    }

    @Override
    public void write(String name, AtomicFiles.Content content) {
        AtomicFiles.write(dir.resolve(name), content);
    }

    @Override
    public boolean createNew(String name, byte[] content) {
        Path file = dir.resolve(name);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + AtomicFiles.reason(e), e);
        }
    }

    @Override
    public List<String> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + AtomicFiles.reason(e), e);
        }
    }

    @Override
    public void rename(String from, String to) {
        Path target = dir.resolve(to);
        try {
            Files.createDirectories(target.getParent());
            try {
                Files.move(dir.resolve(from), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(dir.resolve(from), target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rename " + dir.resolve(from) + " to " + target + ": " + AtomicFiles.reason(e), e);
        }
    }

    @Override
    public void delete(String name) {
        new LocalRunStorage(dir.resolve(name)).deleteAll();
    }

    @Override
    public void deleteAll() {
        OutputFolder.deleteTree(dir);
    }

    @Override
    public void create() {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + AtomicFiles.reason(e), e);
        }
    }

    @Override
    public Path localFolder() {
        return dir;
    }
}
