package dev.incept.run;

import dev.incept.failure.InceptException;

/** A run folder that cannot be reopened: none there, or its run.json unreadable. */
public final class RunException extends InceptException {
    public RunException(String message) {
        super("run", FAILED, message);
    }

    public RunException(String message, Throwable cause) {
        super("run", FAILED, message, cause);
    }
}
