package dev.incept.classroom.grade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The fresh folder one kernel run works in, removed with everything in it once its results are
 * read: grading a class of 300 must not leave 300 executed notebooks in the temporary folder.
 */
public final class WorkFolder implements AutoCloseable {
    private final Path dir;

    private WorkFolder(Path dir) {
        this.dir = dir;
    }

    public static WorkFolder fresh(String prefix) throws IOException {
        return new WorkFolder(Files.createTempDirectory(prefix));
    }

    public Path dir() {
        return dir;
    }

    /**
     * Removes the folder; what cannot be removed (a file a killed kernel still held) is left. With
     * INCEPT_KEEP_WORK set, every folder is kept (the executed notebook and the kernel's log), to
     * look into a grading that went wrong.
     */
    @Override
    public void close() {
        if (System.getenv("INCEPT_KEEP_WORK") != null) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // already gone, or unreadable: nothing more to do
        }
    }
}
