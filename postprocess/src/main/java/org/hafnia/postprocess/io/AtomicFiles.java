package org.hafnia.postprocess.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file atomically: to a temporary file beside it, then a rename over the target. */
public final class AtomicFiles {

    /** Produces the content of a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Produces a file at a given path (for libraries that write by path, like jhdf). */
    @FunctionalInterface
    public interface PathContent {
        void writeTo(Path file) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * What went wrong, in words: the file-system reason where there is one (a
     * {@link FileSystemException}'s message is just the path), e.g. "access denied".
     */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException f) {
            if (f.getReason() != null) {
                return f.getReason();
            }
            String kind = f.getClass().getSimpleName().replace("Exception", "");
            return kind.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT)
                    + " (" + f.getFile() + ")";
        }
        return e.getMessage();
    }

    /** A staged file as the user will know it: its place in the output folder, not in the staging folder. */
    private static Path shown(Path target) {
        Path parent = target.getParent();
        if (parent != null && parent.getFileName() != null && parent.getParent() != null
                && parent.getFileName().toString().startsWith(OutputFolder.STAGING_PREFIX)) {
            return parent.getParent().resolve(target.getFileName());
        }
        return target;
    }

    /** The first IOException in the cause chain of {@code t}, or null. */
    private static IOException ioCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UncheckedIOException u) {
                return u.getCause();
            }
            if (c instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    public static void write(Path target, Content content) {
        writePath(target, tmp -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                content.writeTo(out);
            }
        });
    }

    /**
     * Writes {@code image} as PNG. It is encoded in memory first: ImageIO's own streams hide a
     * failed write (disk full) behind a NullPointerException of their closer thread.
     */
    public static void writePng(Path target, java.awt.image.RenderedImage image) {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.setUseCache(false);
            if (!javax.imageio.ImageIO.write(image, "png", png)) {
                throw new IllegalStateException("no PNG encoder");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + target + ": " + reason(e), e);
        }
        write(target, png::writeTo);
    }

    public static void writeString(Path target, String text) {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Lets {@code content} create a temporary file (which does not exist when it is called),
     * then renames it over {@code target}. On failure the temporary file is removed and the
     * target is untouched.
     */
    public static void writePath(Path target, PathContent content) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
            Files.delete(tmp);
            try {
                content.writeTo(tmp);
            } catch (RuntimeException e) {
                // Libraries that write by path (jhdf) wrap an I/O failure in their own unchecked exception.
                IOException io = ioCause(e);
                if (io == null) {
                    throw e;
                }
                throw io;
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + shown(target) + ": " + reason(e), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the failure that brought us here is the one to report
                }
            }
        }
    }
}
