package dev.incept.data;

/** A data set that is missing, unreadable or not what its format promises; the message says which file and why. */
public final class DataException extends RuntimeException {
    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
