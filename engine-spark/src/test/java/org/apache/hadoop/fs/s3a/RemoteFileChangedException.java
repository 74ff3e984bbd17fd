package org.apache.hadoop.fs.s3a;

import org.apache.hadoop.fs.PathIOException;

/**
 * A stand-in, for the tests only, of hadoop-aws's exception of the same name (not on this class path):
 * what s3a's conditional create throws at close() when S3 answers 412 Precondition Failed.
 */
public class RemoteFileChangedException extends PathIOException {

    private static final long serialVersionUID = 1L;

    public RemoteFileChangedException(String path, String operation, String message) {
        super(path, operation + ": " + message);
    }
}
