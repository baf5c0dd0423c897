package dev.incept.storage;

import dev.incept.failure.InceptException;

/** Another process (or this one) holds a folder's {@link FolderLock}. */
public final class FolderInUse extends InceptException {
    public FolderInUse(String message) {
        super("", FAILED, message);
    }
}
