package dev.incept.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a sweep keeps its things, under its folder: each point's run folder in {@code runs/}, its
 * 'incept train' output in {@code logs/}, and one word for its state in {@code status/} (running,
 * done, failed), which the driver counts for its progress line.
 */
final class SweepFolders {
    private SweepFolders() {
    }

    static Path run(Path sweep, SweepPoint p) {
        return sweep.resolve("runs").resolve(p.id());
    }

    static Path log(Path sweep, SweepPoint p) {
        return sweep.resolve("logs").resolve(p.id() + ".log");
    }

    static void status(Path sweep, SweepPoint p, String word) throws IOException {
        Path dir = Files.createDirectories(sweep.resolve("status"));
        Path tmp = dir.resolve(p.id() + ".tmp");
        Files.writeString(tmp, word, StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(p.id()), java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** A point marked running by a sweep that was stopped is waiting again. */
    static void forgetRunning(Path sweep) throws IOException {
        Path dir = sweep.resolve("status");
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                if (Files.readString(f, StandardCharsets.UTF_8).trim().equals("running")) {
                    Files.delete(f);
                }
            }
        }
    }

    static String status(Path sweep, SweepPoint p) {
        try {
            return Files.readString(sweep.resolve("status").resolve(p.id()), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "waiting";
        }
    }
}
