package dev.incept.sweep;

/** A sweep that cannot run as written: a bad sweep file, or a cluster that cannot be reached. */
public final class SweepException extends RuntimeException {
    public SweepException(String message) {
        super(message);
    }

    public SweepException(String message, Throwable cause) {
        super(message, cause);
    }
}
