package dev.incept.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a sweep keeps its things, under its folder: each point's run folder in {@code runs/}, its
 * 'incept train' output in {@code logs/}, and one word for its state in {@code status/} (running,
 * done, failed), which the driver counts for its progress line. Names are relative to the sweep's
 * folder, as a {@link Workspace} fetches and sends them.
 */
final class SweepFolders {
    static final String STATUS = "status";

    private SweepFolders() {
    }

    static String run(String pointId) {
        return "runs/" + pointId;
    }

    static String log(String pointId) {
        return "logs/" + pointId + ".log";
    }

    static String status(String pointId) {
        return STATUS + "/" + pointId;
    }

    static Path run(Path sweep, String pointId) {
        return sweep.resolve(run(pointId));
    }

    static Path log(Path sweep, String pointId) {
        return sweep.resolve(log(pointId));
    }

    /** Records a point's state here and in the sweep's folder. */
    static void status(Workspace sweep, SweepPoint p, String word) throws IOException {
        Path dir = Files.createDirectories(sweep.root().resolve(STATUS));
        Path tmp = dir.resolve(p.id() + ".tmp");
        Files.writeString(tmp, word, StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(p.id()), java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        sweep.push(status(p.id()));
    }

    /** A point marked running by a sweep that was stopped is waiting again. */
    static void forgetRunning(Workspace sweep) throws IOException {
        sweep.pull(STATUS);
        Path dir = sweep.root().resolve(STATUS);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                if (Files.readString(f, StandardCharsets.UTF_8).trim().equals("running")) {
                    sweep.remove(status(f.getFileName().toString()));
                }
            }
        }
    }

    /** The state last fetched into {@code sweep} (see {@link Workspace#pull}). */
    static String status(Path sweep, SweepPoint p) {
        try {
            return Files.readString(sweep.resolve(status(p.id())), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "waiting";
        }
    }
}
