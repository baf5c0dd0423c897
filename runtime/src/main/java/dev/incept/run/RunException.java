package dev.incept.run;

/** A run folder that cannot be reopened: none there, or its run.json unreadable. */
public final class RunException extends RuntimeException {
    public RunException(String message) {
        super(message);
    }

    public RunException(String message, Throwable cause) {
        super(message, cause);
    }
}
