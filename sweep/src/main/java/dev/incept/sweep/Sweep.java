package dev.incept.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.concurrent.ExecutionException;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Runs a sweep's points as one Spark job, a task per point, on whatever master is named: Spark's
 * embedded local mode ({@code local[N]}: N points at a time in this JVM) or an existing cluster
 * ({@code spark://HOST:PORT}, executors in JVMs of their own). Spark places and retries the tasks;
 * incept adds no queue or scheduler of its own. Every point trains into its run folder under
 * {@code folder}, which every executor must reach (a shared file system on a cluster). Results are
 * gathered by the driver into results.csv and summary.csv.
 */
public final class Sweep {
    private Sweep() {
    }

    /**
     * Runs the points of {@code spec} into {@code folder} (finished ones are read back, interrupted
     * ones resume) and returns every point's result, in the spec's order.
     *
     * @param conf further Spark settings (spark.jars, spark.driver.host, ...)
     */
    public static List<PointResult> run(SweepSpec spec, String master, Path folder, Map<String, String> conf, PrintStream progress) {
        return run(spec, master, folder.toAbsolutePath().toString(), conf, progress);
    }

    /**
     * The same, with the progress line handed to {@code progress} every two seconds (not printed
     * when it changes): for a display that shows one line updated in place, as a notebook's.
     */
    public static List<PointResult> run(SweepSpec spec, String master, Path folder, Map<String, String> conf, Consumer<String> progress) {
        return run(spec, master, folder.toAbsolutePath().toString(), conf, progress, true);
    }

    /**
     * The same, with the sweep's folder named by a path or by a URI of any file system Hadoop knows
     * ({@code hdfs://namenode/sweeps/x}, {@code s3a://bucket/x}, {@code file:///shared/x}); Hadoop's
     * settings come from {@code spark.hadoop.*} in {@code conf} and the machines' own Hadoop configuration.
     */
    public static List<PointResult> run(SweepSpec spec, String master, String folder, Map<String, String> conf, PrintStream progress) {
        return run(spec, master, folder, conf, progress::println, false);
    }

    private static List<PointResult> run(SweepSpec spec, String master, String folder, Map<String, String> conf, Consumer<String> progress,
                                         boolean everyPoll) {
        Map<String, String> hadoopConf = new LinkedHashMap<>();
        conf.forEach((k, v) -> {
            if (k.startsWith("spark.hadoop.")) {
                hadoopConf.put(k.substring("spark.hadoop.".length()), v);
            }
        });
        // every point's run is made and checked here, before any folder or Spark
        List<PlannedPoint> planned = PlannedPoint.plan(spec.expand());
        String location = Workspace.isUri(folder) ? folder : Path.of(folder).toAbsolutePath().toString();
        try (Workspace sweep = Workspace.open(location, hadoopConf)) {
            return run(spec, planned, master, location, sweep, hadoopConf, conf, progress, everyPoll);
        } catch (IOException e) {
            throw new SweepException("cannot use " + folder + " as the sweep's folder: " + e.getMessage(), e);
        }
    }

    private static List<PointResult> run(SweepSpec spec, List<PlannedPoint> planned, String master, String location, Workspace sweep,
                                         Map<String, String> hadoopConf, Map<String, String> conf, Consumer<String> progress,
                                         boolean everyPoll) throws IOException {
        List<SweepPoint> points = planned.stream().map(PlannedPoint::point).toList();
        Path dir = sweep.root();
        Files.createDirectories(dir);
        SweepJson.write(dir.resolve("sweep.json"), spec);
        sweep.push("sweep.json");
        SweepFolders.forgetRunning(sweep);
        SparkConf sc = new SparkConf().setAppName("incept sweep " + spec.name()).setMaster(master)
                .set("spark.ui.enabled", "false")
                // one point is one task: never split or speculate
                .set("spark.speculation", "false")
                .setExecutorEnv("DJL_OFFLINE", "true");
        conf.forEach(sc::set);
        List<PointResult> results;
        SweepProgress watch = new SweepProgress(points, sweep, System::nanoTime);
        JavaSparkContext context;
        try {
            context = new JavaSparkContext(sc);
        } catch (Exception e) {
            // Scala throws SparkException, a checked exception, undeclared
            throw new SweepException("cannot start Spark with master '" + master + "': " + rootMessage(e), e);
        }
        try (JavaSparkContext spark = context) {
            spark.setLogLevel("WARN");
            JavaFutureAction<List<PointResult>> job = spark.parallelize(planned, planned.size()).map(new PointRun(location, hadoopConf)).collectAsync();
            String lastCounts = "";
            long lastPrint = 0;
            while (!job.isDone()) {
                String line = watch.line();
                String counts = line.split(";")[0];
                // printed: a line when a point starts or ends, and every half minute in between
                if (everyPoll || !counts.equals(lastCounts) || System.nanoTime() - lastPrint > 30e9) {
                    progress.accept(line);
                    lastCounts = counts;
                    lastPrint = System.nanoTime();
                }
                try {
                    job.get(2, java.util.concurrent.TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    // still running: report again
                }
            }
            results = job.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SweepException("the sweep was interrupted; run it again to go on from its checkpoints", e);
        } catch (ExecutionException e) {
            throw new SweepException("Spark could not run the sweep: " + rootMessage(e), e);
        } catch (IllegalStateException e) {
            if (context.sc().isStopped()) {
                // a standalone master that never answered: Spark gives up and stops the context
                throw new SweepException("Spark stopped before the sweep ran: the master " + master
                        + " did not take the application (is it running, and can it reach this machine? see --conf spark.driver.host)", e);
            }
            throw e;
        }
        progress.accept(watch.line());
        Results.write(dir, results);
        List<String> files = new java.util.ArrayList<>(List.of("results.csv", "summary.csv"));
        // With no finished point there is nothing to draw (the summary and the errors say why); without
        // the plotting stack, results.csv holds the same figures.
        if (!succeeded(results).isEmpty() && dev.incept.plot.PlotsOnClassPath.missing().isEmpty()) {
            SweepPlot.write(dir, results);
            files.addAll(List.of("results.svg", "results.png"));
        }
        for (String f : files) {
            sweep.push(f);
        }
        return results;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage().lines().findFirst().orElse(t.toString());
    }

    /** The run folder of one point of the sweep in {@code folder}: open it with {@code Run.open} for its history and checkpoint. */
    public static Path runFolder(Path folder, PointResult point) {
        return SweepFolders.run(folder.toAbsolutePath(), point.id());
    }

    /** The points that did not fail, for callers that only want the figures. */
    public static List<PointResult> succeeded(List<PointResult> results) {
        List<PointResult> out = new ArrayList<>();
        for (PointResult r : results) {
            if (!r.failed()) {
                out.add(r);
            }
        }
        return out;
    }
}
