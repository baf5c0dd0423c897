package dev.incept.sweep;

import dev.incept.analysis.Analysis;
import dev.incept.analysis.Analyzer;
import dev.incept.analysis.Convention;
import dev.incept.failure.InceptException;
import dev.incept.run.Run;
import dev.incept.run.RunFolder;
import dev.incept.run.RunSpec;
import dev.incept.run.Checkpoint;
import dev.incept.metrics.EpochMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.function.Function;

/**
 * One point, run where Spark places it: its planned run trained through {@link RunFolder} into its
 * own run folder under the sweep's, in the executor's JVM. A folder whose run finished is only read
 * back; one with a checkpoint resumes from it. Whatever goes wrong in the run is this
 * point's result, never the task's failure, so the other points go on. In a sweep folder elsewhere
 * (a Hadoop file system URI) the point trains in a local copy of its run folder, sent to the sweep's
 * folder as it goes.
 */
final class PointRun implements Function<PlannedPoint, PointResult> {
    /** How often a running point sends its run folder to a sweep folder elsewhere, so that another executor can resume it. */
    private static final long PUSH_SECONDS = 20;

    private final String location;
    private final Map<String, String> hadoopConf;

    PointRun(String location, Map<String, String> hadoopConf) {
        this.location = location;
        this.hadoopConf = new LinkedHashMap<>(hadoopConf);
    }

    @Override
    public PointResult call(PlannedPoint planned) throws IOException {
        try (Workspace sweep = Workspace.open(location, hadoopConf)) {
            return call(planned, sweep);
        }
    }

    private PointResult call(PlannedPoint planned, Workspace sweep) throws IOException {
        SweepPoint p = planned.point();
        sweep.pull(SweepFolders.run(p.id()));
        Path dir = SweepFolders.run(sweep.root(), p.id());
        Path log = SweepFolders.log(sweep.root(), p.id());
        Files.createDirectories(log.getParent());
        PointResult result;
        if (finished(dir)) {
            result = read(p, dir, true);
        } else {
            boolean resume = Files.exists(dir.resolve(Checkpoint.FILE_NAME));
            SweepFolders.status(sweep, p, "running");
            String failure = null;
            ScheduledExecutorService pusher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "incept-sweep-push-" + p.id());
                t.setDaemon(true);
                return t;
            });
            try (OutputStream file = Files.newOutputStream(log);
                 PrintStream out = new PrintStream(file, true, StandardCharsets.UTF_8)) {
                // the command that would do the same by hand
                out.println("incept train " + (resume ? "--resume " + dir : String.join(" ", p.trainArgs()) + " --out " + dir));
                pusher.scheduleWithFixedDelay(() -> send(sweep, p), PUSH_SECONDS, PUSH_SECONDS, TimeUnit.SECONDS);
                RunFolder.Options options = RunFolder.Options.to(out).withMetrics(dev.incept.run.MetricsFormat.of(planned.metrics()));
                try {
                    if (resume) {
                        RunFolder.resume(dir, RunFolder.Changes.NONE, options);
                    } else {
                        RunFolder.train(planned.spec(), dir, options.startingFrom(planned.weights() == null ? null : Path.of(planned.weights())));
                    }
                } catch (InceptException e) {
                    failure = e.userLine();
                } catch (RuntimeException | Error e) {
                    failure = "unexpected " + e;
                }
                if (failure != null) {
                    out.println("incept: " + failure);
                }
            } finally {
                pusher.shutdownNow();
                try {
                    pusher.awaitTermination(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            sweep.push(SweepFolders.run(p.id()));
            sweep.push(SweepFolders.log(p.id()));
            result = failure == null && finished(dir) ? read(p, dir, false)
                    : PointResult.failure(p, failure != null ? failure : "the run stopped before its last epoch");
        }
        SweepFolders.status(sweep, p, result.failed() ? "failed" : "done");
        return result;
    }

    /** While the point trains: its checkpoint and log so far, for a resume elsewhere and for whoever watches. */
    private static void send(Workspace sweep, SweepPoint p) {
        try {
            sweep.push(SweepFolders.run(p.id()));
            sweep.push(SweepFolders.log(p.id()));
        } catch (IOException | RuntimeException e) {
            // the push at the end of the point reports a folder that cannot be written
        }
    }

    private static boolean finished(Path dir) {
        if (!Files.isRegularFile(dir.resolve(RunSpec.FILE_NAME)) || !Files.isRegularFile(dir.resolve(Checkpoint.FILE_NAME))) {
            return false;
        }
        try {
            Run run = Run.open(dir);
            return run.history().size() >= run.spec().config().epochs();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static PointResult read(SweepPoint p, Path dir, boolean earlier) {
        Run run = Run.open(dir);
        List<EpochMetrics> h = run.history();
        EpochMetrics last = h.get(h.size() - 1);
        Analysis a = Analyzer.analyze(run.spec().network(), Convention.PYTORCH, false);
        double seconds = h.stream().mapToDouble(EpochMetrics::seconds).sum();
        return new PointResult(p.id(), p.settings(), false, null, earlier, h.size(), last.test().top1(), last.test().top5(),
                last.test().loss(), last.test().ece(), last.trainLoss(), last.imagesPerSecond(), seconds, a.trainableParams(), a.macs(),
                h.stream().map(m -> m.test().top1()).toList());
    }
}
