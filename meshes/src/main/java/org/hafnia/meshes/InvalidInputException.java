package org.hafnia.meshes;

/**
 * Bad input supplied by a user: a malformed file, an out-of-range parameter, a missing
 * resource. Its message is written for the user and names the file, line or key and what was
 * expected; the command line prints it without a stack trace and exits with a non-zero status.
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
