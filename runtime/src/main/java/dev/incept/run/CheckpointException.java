package dev.incept.run;

import dev.incept.failure.InceptException;

/** A checkpoint that cannot be used: missing, corrupt, or written for a different network or optimizer. */
public final class CheckpointException extends InceptException {
    public CheckpointException(String message) {
        super("checkpoint", FAILED, message);
    }

    public CheckpointException(String message, Throwable cause) {
        super("checkpoint", FAILED, message, cause);
    }
}
