package dev.incept.data;

import dev.incept.failure.InceptException;

/** A data set that is missing, unreadable or not what its format promises; the message says which file and why. */
public final class DataException extends InceptException {
    public DataException(String message) {
        super("data", FAILED, message);
    }

    public DataException(String message, Throwable cause) {
        super("data", FAILED, message, cause);
    }
}
