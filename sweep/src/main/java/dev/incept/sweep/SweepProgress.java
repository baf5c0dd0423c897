package dev.incept.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The driver's progress line, {@code sweep: 3 done, 1 running, 0 failed of 8; about 02:10 left},
 * from the points' states in the sweep's folder. The time left is the mean time of the points
 * finished so far times the points left, less the time since the last one finished, so that it
 * counts down while a point runs rather than growing.
 */
final class SweepProgress {
    private final List<SweepPoint> points;
    private final Workspace sweep;
    private final LongSupplier nanos;
    private final long start;
    private int finishedBefore;
    private long lastFinish;

    SweepProgress(List<SweepPoint> points, Workspace sweep, LongSupplier nanos) {
        this.points = points;
        this.sweep = sweep;
        this.nanos = nanos;
        this.start = nanos.getAsLong();
        this.lastFinish = start;
    }

    String line() {
        try {
            sweep.pull(SweepFolders.STATUS);
        } catch (IOException e) {
            // counted from what was fetched before
        }
        Path dir = sweep.root();
        int done = 0;
        int running = 0;
        int failed = 0;
        for (SweepPoint p : points) {
            switch (SweepFolders.status(dir, p)) {
                case "done" -> done++;
                case "failed" -> failed++;
                case "running" -> running++;
                default -> { }
            }
        }
        long now = nanos.getAsLong();
        int finished = done + failed;
        if (finished != finishedBefore) {
            finishedBefore = finished;
            lastFinish = now;
        }
        String left = "";
        if (finished > 0 && finished < points.size()) {
            double perPoint = (lastFinish - start) / 1e9 / finished;
            double seconds = Math.max(0, perPoint * (points.size() - finished) - (now - lastFinish) / 1e9);
            left = String.format(Locale.ROOT, "; about %s left", dev.incept.metrics.ProgressBar.clock(seconds));
        }
        return String.format(Locale.ROOT, "sweep: %d done, %d running, %d failed of %d%s", done, running, failed, points.size(), left);
    }
}
