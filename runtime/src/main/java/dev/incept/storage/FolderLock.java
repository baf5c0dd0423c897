package dev.incept.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One owner per run folder. The operating system's lock on {@code .lock} inside the folder is
 * held for as long as this object is open and goes with the process however it ends, so a killed
 * run never leaves a folder locked; the file itself names the holder's process id, for the
 * message a second process gets. The file stays behind when the lock is released: deleting it
 * would let two processes lock two different files of the same name.
 */
public final class FolderLock implements AutoCloseable {
    public static final String FILE_NAME = ".lock";
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks {@code dir}, which must exist; throws {@link FolderInUse} naming the holder when it is taken. */
    public static FolderLock acquire(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StorageException("cannot lock " + dir + ": " + e.getMessage(), e);
        }
        try {
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this very process holds it
            }
            if (lock == null) {
                String holder = holder(file);
                ch.close();
                throw new FolderInUse(dir + " is in use by process " + holder + " (a training runs in it); "
                        + "wait for it to finish or give another folder");
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            ch.force(true);
            return new FolderLock(ch, lock);
        } catch (IOException e) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // the lock goes with the channel
            }
            throw new StorageException("cannot lock " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String holder(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return pid.isEmpty() ? "(unknown)" : pid;
        } catch (IOException e) {
            return "(unknown)";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new StorageException("cannot release the lock " + FILE_NAME + ": " + e.getMessage(), e);
        }
    }
}
