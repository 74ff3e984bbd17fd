package org.hafnia.engine.spark;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * Hadoop's {@link RawLocalFileSystem} under the scheme {@value #SCHEME} (configured as
 * {@code fs.hafniatest.impl}): a second Hadoop file system, which java.nio does not know, so a run
 * folder {@code hafniatest:///…} can only be written through Hadoop's {@code FileSystem} API. It
 * counts the renames of batch files and, when told, refuses one, to stop a run part-way as a
 * killed driver would.
 */
public final class TestSchemeFileSystem extends RawLocalFileSystem {

    static final String SCHEME = "hafniatest";

    /** Renames of a {@code batch-*.bin} file so far (committed batches). */
    static final AtomicInteger BATCH_RENAMES = new AtomicInteger();
    /** The batch rename that fails (counted from 1), or 0 for none. */
    static final AtomicInteger FAIL_AT = new AtomicInteger();

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public boolean rename(Path src, Path dst) throws IOException {
        if (dst.getName().startsWith("batch-") && BATCH_RENAMES.incrementAndGet() == FAIL_AT.get()) {
            throw new IOException("test: the store stops here");
        }
        return super.rename(src, dst);
    }
}
