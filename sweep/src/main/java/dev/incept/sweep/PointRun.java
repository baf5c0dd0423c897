package dev.incept.sweep;

import dev.incept.analysis.Analysis;
import dev.incept.analysis.Analyzer;
import dev.incept.analysis.Convention;
import dev.incept.cli.Main;
import dev.incept.run.Run;
import dev.incept.run.RunSpec;
import dev.incept.train.Checkpoint;
import dev.incept.train.EpochMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.function.Function;

/**
 * One point, run where Spark places it: 'incept train' with the point's settings into its own run
 * folder under the sweep's, in the executor's JVM. A folder whose run finished is only read back; one
 * with a checkpoint resumes from it ('incept train --resume'). Whatever goes wrong in the run is this
 * point's result, never the task's failure, so the other points go on. In a sweep folder elsewhere
 * (a Hadoop file system URI) the point trains in a local copy of its run folder, sent to the sweep's
 * folder as it goes.
 */
final class PointRun implements Function<SweepPoint, PointResult> {
    /** How often a running point sends its run folder to a sweep folder elsewhere, so that another executor can resume it. */
    private static final long PUSH_SECONDS = 20;

    private final String location;
    private final Map<String, String> hadoopConf;

    PointRun(String location, Map<String, String> hadoopConf) {
        this.location = location;
        this.hadoopConf = new LinkedHashMap<>(hadoopConf);
    }

    @Override
    public PointResult call(SweepPoint p) throws IOException {
        try (Workspace sweep = Workspace.open(location, hadoopConf)) {
            return call(p, sweep);
        }
    }

    private PointResult call(SweepPoint p, Workspace sweep) throws IOException {
        sweep.pull(SweepFolders.run(p.id()));
        Path dir = SweepFolders.run(sweep.root(), p.id());
        Path log = SweepFolders.log(sweep.root(), p.id());
        Files.createDirectories(log.getParent());
        PointResult result;
        if (finished(dir)) {
            result = read(p, dir, true);
        } else {
            List<String> argv = new ArrayList<>(List.of("train"));
            if (Files.exists(dir.resolve(Checkpoint.FILE_NAME))) {
                argv.addAll(List.of("--resume", dir.toString()));
            } else {
                argv.addAll(p.trainArgs());
                argv.addAll(List.of("--out", dir.toString()));
            }
            SweepFolders.status(sweep, p, "running");
            int code;
            ScheduledExecutorService pusher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "incept-sweep-push-" + p.id());
                t.setDaemon(true);
                return t;
            });
            try (OutputStream file = Files.newOutputStream(log);
                 PrintStream out = new PrintStream(file, true, StandardCharsets.UTF_8)) {
                out.println("incept " + String.join(" ", argv));
                pusher.scheduleWithFixedDelay(() -> send(sweep, p), PUSH_SECONDS, PUSH_SECONDS, TimeUnit.SECONDS);
                code = Main.run(argv, out, out);
            } catch (RuntimeException | Error e) {
                code = -1;
                Files.writeString(log, "incept: " + e + System.lineSeparator(), StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
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
            result = code == 0 && finished(dir) ? read(p, dir, false) : PointResult.failure(p, lastLine(log));
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

    /** The run's own one-line account of why it stopped: the last line it wrote. */
    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return lines.get(i).trim();
                }
            }
        } catch (IOException e) {
            return "the run failed and its log cannot be read: " + e.getMessage();
        }
        return "the run failed without a word";
    }
}
