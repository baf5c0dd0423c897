package dev.incept.train;

/** A checkpoint that cannot be used: missing, corrupt, or written for a different network or optimizer. */
public final class CheckpointException extends RuntimeException {
    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
