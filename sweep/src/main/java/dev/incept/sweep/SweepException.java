package dev.incept.sweep;

import dev.incept.failure.InceptException;

/** A sweep that cannot run as written: a bad sweep file, or a cluster that cannot be reached. */
public final class SweepException extends InceptException {
    public SweepException(String message) {
        super("sweep", FAILED, message);
    }

    public SweepException(String message, Throwable cause) {
        super("sweep", FAILED, message, cause);
    }
}
