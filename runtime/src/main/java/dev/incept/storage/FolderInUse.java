package dev.incept.storage;

/** Another process (or this one) holds a folder's {@link FolderLock}. */
public final class FolderInUse extends RuntimeException {
    public FolderInUse(String message) {
        super(message);
    }
}
