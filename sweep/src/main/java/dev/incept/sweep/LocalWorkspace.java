package dev.incept.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A sweep folder on a path this JVM reads and writes directly: nothing to fetch or send. */
record LocalWorkspace(Path root) implements Workspace {
    @Override
    public void pull(String relative) {
        // already here
    }

    @Override
    public void push(String relative) {
        // already there
    }

    @Override
    public void remove(String relative) throws IOException {
        Files.deleteIfExists(root.resolve(relative));
    }

    @Override
    public void close() {
        // the folder is the sweep's own
    }
}
