package dev.incept.sweep;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** incept sweep FILE [--master local[N]|spark://HOST:PORT] [--out DIR]: the command line's entry. */
public final class SweepCommand {
    public static final String USAGE = """
            usage: incept sweep FILE.json [--master local[N]|spark://HOST:PORT] [--out DIR] [--conf KEY=VALUE]...
              runs every point of a sweep file as one 'incept train' run in its own run folder (DIR/runs/ID),
              as tasks of one Spark job; then writes DIR/results.csv (a row per point), DIR/summary.csv (mean and
              standard deviation over seeds) and prints the summary. Run it again to skip finished points and
              resume interrupted ones from their checkpoints; a point that fails is reported and the rest go on.
              --master   local[N] (default local[1]): Spark's embedded mode, N points at a time in this JVM;
                         spark://HOST:PORT: an existing standalone cluster (DIR must be a folder every
                         executor reaches, and incept's jars are shipped to the executors: see docs/sweeps.md)
              --out      the sweep's folder (default runs/sweep-NAME): a path, or a URI of any file system
                         Hadoop knows (hdfs://NAMENODE/DIR, s3a://BUCKET/DIR, file:///DIR), which every
                         executor reaches; each point trains in a local copy sent there as it goes
              --conf     a Spark setting, e.g. --conf spark.driver.host=10.0.0.5""";

    private SweepCommand() {
    }

    /**
     * Returns the exit status: 0 when every point finished, 1 when some failed. {@code executorJars}:
     * what a cluster's executors are sent (spark.jars) unless the command line names its own.
     */
    public static int run(List<String> argv, PrintStream out, PrintStream err, Supplier<List<String>> executorJars) {
        String file = null;
        String master = "local[1]";
        String folder = null;
        Map<String, String> conf = new LinkedHashMap<>();
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            switch (a) {
                case "--master" -> master = value(argv, ++i, a);
                case "--out" -> folder = value(argv, ++i, a);
                case "--conf" -> {
                    String kv = value(argv, ++i, a);
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw new SweepException("--conf takes KEY=VALUE, got " + kv);
                    }
                    conf.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                default -> {
                    if (a.startsWith("--") || file != null) {
                        throw new SweepException("unexpected argument '" + a + "'; try 'incept sweep --help'");
                    }
                    file = a;
                }
            }
        }
        if (file == null) {
            throw new SweepException("sweep needs a sweep file; try 'incept sweep --help'");
        }
        SweepSpec spec = SweepJson.read(Path.of(file));
        String dir = folder != null ? folder : "runs/sweep-" + spec.name();
        if (!master.startsWith("local") && !conf.containsKey("spark.jars")) {
            conf.put("spark.jars", String.join(",", executorJars.get()));
        }
        out.printf("incept: sweep %s: %d points on %s, folder %s%n", spec.name(), spec.expand().size(), master, dir);
        List<PointResult> results = Sweep.run(spec, master, dir, conf, out);
        out.print(Results.table(results));
        long failed = results.stream().filter(PointResult::failed).count();
        for (PointResult r : results) {
            if (r.failed()) {
                err.println("incept: point " + r.id() + " failed: " + r.error() + " (its log: " + inFolder(dir, SweepFolders.log(r.id())) + ")");
            }
        }
        out.printf("incept: %d of %d points finished%s; results in %s%n", results.size() - failed, results.size(),
                results.stream().anyMatch(PointResult::earlier) ? " (" + results.stream().filter(PointResult::earlier).count() + " by an earlier run)" : "",
                inFolder(dir, "results.csv"));
        return failed == 0 ? 0 : 1;
    }

    private static String inFolder(String folder, String relative) {
        return Workspace.isUri(folder) ? folder.replaceAll("/+$", "") + "/" + relative : Path.of(folder).resolve(relative).toString();
    }

    private static String value(List<String> argv, int i, String option) {
        if (i >= argv.size()) {
            throw new SweepException(option + " needs a value");
        }
        return argv.get(i);
    }
}
