package org.hafnia.engine.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FilterFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.fs.s3a.RemoteFileChangedException;
import org.apache.hadoop.util.Progressable;

/**
 * S3's create as hadoop-aws 3.5 does it with conditional writes (HADOOP-19256), over this machine's
 * files: {@code create(path, false)} never fails at once; the object appears at close(), and close()
 * is refused with {@link RemoteFileChangedException} (S3's 412) when the path exists by then.
 */
final class PutIfAbsentFileSystem extends FilterFileSystem {

    PutIfAbsentFileSystem() {
        super(new RawLocalFileSystem());
    }

    @Override
    public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize, short replication,
                                     long blockSize, Progressable progress) throws IOException {
        ByteArrayOutputStream upload = new ByteArrayOutputStream() {
            private boolean closed;

            @Override
            public void close() throws IOException {
                if (closed) {
                    return;
                }
                closed = true;
                synchronized (PutIfAbsentFileSystem.class) {
                    if (!overwrite && exists(f)) {
                        throw new RemoteFileChangedException(f.toString(), "PUT If-None-Match: *", "412 Precondition Failed");
                    }
                    try (FSDataOutputStream out = fs.create(f, true)) {
                        out.write(toByteArray());
                    }
                }
            }
        };
        return new FSDataOutputStream(upload, null);
    }
}
