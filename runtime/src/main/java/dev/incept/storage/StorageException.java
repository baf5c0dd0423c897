package dev.incept.storage;

/** A file incept writes could not be written completely; the previous version of it is unchanged. */
public final class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
