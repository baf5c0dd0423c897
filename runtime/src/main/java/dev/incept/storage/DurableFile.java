package dev.incept.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Replaces a file with new content so that, whatever happens (a full disk, a kill, a power cut),
 * the file holds either its old content or the whole new one. The content goes to a temporary
 * file beside it, every byte accounted for, is forced to disk, read back and compared, and only
 * then renamed over the old file; the folder is forced too, so the rename itself survives.
 * A failure leaves the old file as it was and throws a {@link StorageException}.
 */
public final class DurableFile {
    /** Temporary files end so; {@link #removeStale} clears those an interrupted write left. */
    public static final String TEMPORARY_SUFFIX = ".incept-tmp";

    /** Opens the temporary file for writing; tests put in one that fails the way a full disk does. */
    @FunctionalInterface
    public interface Opener {
        FileChannel open(Path file) throws IOException;
    }

    private DurableFile() {
    }

    public static void write(Path file, byte[] content) {
        write(file, content, DurableFile::openForWriting);
    }

    /** The disk's own {@link Opener}. */
    public static FileChannel openForWriting(Path file) throws IOException {
        // A fresh file: never one that something (a link planted under the temporary name) points elsewhere.
        Files.deleteIfExists(file);
        return FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    }

    public static void write(Path file, byte[] content, Opener opener) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = dir.resolve("." + target.getFileName() + TEMPORARY_SUFFIX);
        refuseSpecial(file, target);
        try {
            Files.createDirectories(dir);
            try (FileChannel ch = opener.open(tmp)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    // A channel may write fewer bytes than asked, and on a full disk it does: a
                    // write that makes no progress is a failure, not a reason to loop forever.
                    if (ch.write(buf) <= 0) {
                        throw new IOException("the disk took " + buf.position() + " of " + content.length + " bytes");
                    }
                }
                ch.force(true);
            }
            byte[] back = Files.readAllBytes(tmp);
            if (!Arrays.equals(back, content)) {
                throw new IOException("what was read back differs from what was written (" + back.length + " of "
                        + content.length + " bytes)");
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceFolder(dir);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the next start removes it (removeStale)
            }
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new StorageException("cannot write " + file + ": " + why + (Files.exists(target)
                    ? "; the previous " + target.getFileName() + " was left as it was" : ""), e);
        }
    }

    /**
     * Renaming over a device, a link, a pipe or a folder would replace it (as root, {@code /dev/null}
     * itself) instead of writing where it leads: only regular files are replaced.
     */
    private static void refuseSpecial(Path file, Path target) {
        String what = FileKind.ofSpecial(target);
        if (what == null || what.equals("nothing")) {
            return;
        }
        throw new StorageException("cannot write " + file + ": it is " + what + ", not a regular file; name a new or regular file instead"
                + " (nothing was written)", null);
    }

    /** Deletes the temporary files that writes into {@code dir} left when they were interrupted. */
    public static void removeStale(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + TEMPORARY_SUFFIX)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new StorageException("cannot clean " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void forceFolder(Path dir) {
        // Not every file system lets a folder be opened for force(); the rename is then as durable as it gets.
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // see above
        }
    }
}
