package dev.incept.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepProgressTest {
    @TempDir
    Path dir;

    @Test
    void theTimeLeftCountsDownWhileAPointRunsAndIsReestimatedWhenOneFinishes() throws Exception {
        SweepSpec spec = new SweepSpec("p", Map.of("model", "inception-mini"), Map.of(), Map.of("seed", List.of("1", "2", "3", "4")), List.of());
        List<SweepPoint> points = spec.expand();
        AtomicLong clock = new AtomicLong(0);
        Workspace sweep = new LocalWorkspace(dir);
        SweepProgress progress = new SweepProgress(points, sweep, clock::get);
        SweepFolders.status(sweep, points.get(0), "running");
        assertEquals("sweep: 0 done, 1 running, 0 failed of 4", progress.line());

        clock.set(60_000_000_000L);
        SweepFolders.status(sweep, points.get(0), "done");
        SweepFolders.status(sweep, points.get(1), "running");
        assertEquals("sweep: 1 done, 1 running, 0 failed of 4; about 03:00 left", progress.line());
        clock.set(90_000_000_000L);
        assertEquals("sweep: 1 done, 1 running, 0 failed of 4; about 02:30 left", progress.line());

        clock.set(100_000_000_000L);
        SweepFolders.status(sweep, points.get(1), "failed");
        // two finished in 100 s: 50 s a point, two left
        assertEquals("sweep: 1 done, 0 running, 1 failed of 4; about 01:40 left", progress.line());
        clock.set(400_000_000_000L);
        assertEquals("sweep: 1 done, 0 running, 1 failed of 4; about 00:00 left", progress.line(), "never below zero");
    }
}
