package dev.incept.storage;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * What a path that is not a regular file is, in the words of a one-line message: "a folder", "a
 * symbolic link", "a device, pipe or other special file", or "nothing" where no file is. A command
 * that names what it found (sweep /dev/null: "a device, pipe or other special file") tells the user
 * more than one that says the file does not exist or the name is not a model.
 */
public final class FileKind {
    private FileKind() {
    }

    /** Null for a regular file; otherwise what {@code p} is, not following a link. */
    public static String ofSpecial(Path p) {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return "nothing";
        }
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        return Files.isSymbolicLink(p) ? "a symbolic link" : Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "a folder"
                : "a device, pipe or other special file";
    }
}
