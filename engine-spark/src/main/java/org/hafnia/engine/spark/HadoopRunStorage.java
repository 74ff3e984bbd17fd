package org.hafnia.engine.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.ipc.RemoteException;
import org.hafnia.postprocess.io.AtomicFiles;
import org.hafnia.postprocess.io.RunStorage;

/**
 * A run folder on any Hadoop-compatible store ({@code hdfs://}, {@code s3a://}, {@code file:///},
 * whatever the Spark session's Hadoop configuration resolves), through Hadoop's {@link FileSystem}
 * API. An atomic write is a file created under a temporary name beside the target
 * ({@code .NAME.UUID.tmp}, hidden from Hadoop's input formats), closed, then renamed. Hadoop's
 * {@code rename} never replaces a file, so a file already there is deleted first: atomic on HDFS
 * and local stores (each rename is one metadata operation); on S3 (s3a) a rename is a copy and a
 * delete, so a batch file or an output is whole when it appears, but a folder rename (the output
 * set's commit point) is not one step (docs/reliability.md). Used on the driver only.
 */
final class HadoopRunStorage implements RunStorage {

    /** What s3a's conditional create throws at close() when the object already exists (hadoop-aws, not on this class path). */
    static final String S3_CREATE_REFUSED = "org.apache.hadoop.fs.s3a.RemoteFileChangedException";

    private final FileSystem fs;
    private final Path dir;
    private final String location;

    HadoopRunStorage(FileSystem fs, Path dir, String location) {
        // file: through the raw local file system: no hidden .NAME.crc beside every file (no Hadoop reader of ours checks them).
        this.fs = fs instanceof LocalFileSystem local ? local.getRaw() : fs;
        this.dir = dir;
        this.location = location;
    }

    @Override
    public String location() {
        return location;
    }

    private String location(String name) {
        return (location.endsWith("/") ? location : location + "/") + name;
    }

    @Override
    public RunStorage folder(String name) {
        return new HadoopRunStorage(fs, new Path(dir, name), location(name));
    }

    private FileStatus status(Path p) throws IOException {
        try {
            return fs.getFileStatus(p);
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    @Override
    public boolean exists() {
        try {
            FileStatus s = status(dir);
            return s != null && s.isDirectory();
        } catch (IOException e) {
            throw failed("cannot read", location, e);
        }
    }

    @Override
    public boolean isFile(String name) {
        try {
            FileStatus s = status(new Path(dir, name));
            return s != null && s.isFile();
        } catch (IOException e) {
            throw failed("cannot read", location(name), e);
        }
    }

    @Override
    public boolean isFolder(String name) {
        try {
            FileStatus s = status(new Path(dir, name));
            return s != null && s.isDirectory();
        } catch (IOException e) {
            throw failed("cannot read", location(name), e);
        }
    }

    @Override
    public byte[] read(String name) {
        try (var in = fs.open(new Path(dir, name))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw failed("cannot read", location(name), e);
        }
    }

    @Override
    public void write(String name, AtomicFiles.Content content) {
        Path target = new Path(dir, name);
        Path tmp = new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
        boolean done = false;
        try {
            try (OutputStream out = fs.create(tmp, false)) {
                content.writeTo(out);
            }
            replace(tmp, target);
            done = true;
        } catch (IOException e) {
            throw failed("cannot write", location(name), e);
        } finally {
            if (!done) {
                try {
                    fs.delete(tmp, false);
                } catch (IOException ignored) {
                    // best effort: the failure that brought us here is the one to report
                }
            }
        }
    }

    /** Renames {@code from} to {@code to}, deleting a file {@code to} first (Hadoop's rename replaces nothing). */
    private void replace(Path from, Path to) throws IOException {
        FileStatus old = status(to);
        if (old != null && old.isFile()) {
            fs.delete(to, false);
        }
        fs.mkdirs(to.getParent());
        if (!fs.rename(from, to)) {
            throw new IOException("the file system (" + fs.getScheme() + ") refused to rename " + from + " to " + to);
        }
    }

    @Override
    public boolean createNew(String name, byte[] content) {
        java.nio.file.Path local = localFolder();
        if (local != null) {
            // Hadoop's local file systems check, then create: java.nio's CREATE_NEW is the exclusive one.
            return new org.hafnia.postprocess.io.LocalRunStorage(local).createNew(name, content);
        }
        try (OutputStream out = fs.create(new Path(dir, name), false)) {
            out.write(content);
            return true;
        } catch (IOException e) {
            if (existed(e)) {
                return false;
            }
            throw failed("cannot write", location(name), e);
        }
    }

    /** Whether an exclusive create failed because the file exists (or is being created), in each store's words. */
    private static boolean existed(IOException e) {
        return e instanceof FileAlreadyExistsException
                // HDFS: another client is creating it at this moment (it holds the file's write lease).
                || e instanceof RemoteException r && r.getClassName().endsWith(".AlreadyBeingCreatedException")
                // S3 with hadoop-aws 3.5 (conditional writes, HADOOP-19256): the create is a PUT with If-None-Match,
                // refused at close() with 412 Precondition Failed when the object exists.
                || e.getClass().getName().equals(S3_CREATE_REFUSED);
    }

    @Override
    public List<String> list() {
        try {
            return Arrays.stream(fs.listStatus(dir)).map(s -> s.getPath().getName()).sorted().toList();
        } catch (FileNotFoundException e) {
            return List.of();
        } catch (IOException e) {
            throw failed("cannot list", location, e);
        }
    }

    @Override
    public void rename(String from, String to) {
        try {
            replace(new Path(dir, from), new Path(dir, to));
        } catch (IOException e) {
            throw failed("cannot rename " + location(from) + " to", location(to), e);
        }
    }

    @Override
    public void delete(String name) {
        try {
            fs.delete(new Path(dir, name), true);
        } catch (IOException e) {
            throw failed("cannot remove", location(name), e);
        }
    }

    @Override
    public void deleteAll() {
        try {
            fs.delete(dir, true);
        } catch (IOException e) {
            throw failed("cannot remove", location, e);
        }
    }

    @Override
    public void create() {
        try {
            fs.mkdirs(dir);
        } catch (IOException e) {
            throw failed("cannot create", location, e);
        }
    }

    @Override
    public java.nio.file.Path localFolder() {
        return fs instanceof RawLocalFileSystem r ? r.pathToFile(dir).toPath() : null;
    }

    private static UncheckedIOException failed(String what, String where, IOException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return new UncheckedIOException(what + " " + where + ": " + reason, e);
    }
}
