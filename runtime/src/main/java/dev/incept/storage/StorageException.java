package dev.incept.storage;

import dev.incept.failure.InceptException;

/** A file incept writes could not be written completely; the previous version of it is unchanged. */
public final class StorageException extends InceptException {
    public StorageException(String message, Throwable cause) {
        super("", FAILED, message, cause);
    }
}
