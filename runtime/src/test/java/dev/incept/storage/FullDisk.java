package dev.incept.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A file channel on a disk with {@code room} bytes left: it writes what fits and then does what
 * Linux does on a full file system, a short write followed by "No space left on device" (or, with
 * {@code silent}, a write of zero bytes, the case a single unchecked write call never notices).
 */
public final class FullDisk extends FileChannel {
    private final FileChannel real;
    private final boolean silent;
    private long room;

    private FullDisk(FileChannel real, long room, boolean silent) {
        this.real = real;
        this.room = room;
        this.silent = silent;
    }

    public static DurableFile.Opener withRoomFor(long bytes, boolean silent) {
        return file -> new FullDisk(DurableFile.openForWriting(file), bytes, silent);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (room == 0) {
            if (silent) {
                return 0;
            }
            throw new IOException("No space left on device");
        }
        int n = (int) Math.min(room, src.remaining());
        ByteBuffer part = src.duplicate();
        part.limit(part.position() + n);
        int written = real.write(part);
        src.position(src.position() + written);
        room -= written;
        return written;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return real.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return real.read(dsts, offset, length);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        long n = 0;
        for (int i = offset; i < offset + length; i++) {
            n += write(srcs[i]);
        }
        return n;
    }

    @Override
    public long position() throws IOException {
        return real.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        real.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return real.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        real.truncate(size);
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        real.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        return real.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        throw new IOException("No space left on device");
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return real.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        throw new IOException("No space left on device");
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        return real.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return real.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return real.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        real.close();
    }
}
