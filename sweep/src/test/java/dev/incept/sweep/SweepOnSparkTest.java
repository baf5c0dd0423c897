package dev.incept.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.incept.data.FashionMnist;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small sweep (4 points: two label smoothings by two seeds, inception-mini on 256 Fashion-MNIST
 * images, one epoch) on Spark's embedded local mode, and again through a standalone cluster of one
 * master and one worker started here from the Maven jars: the same figures for the same seeds.
 */
class SweepOnSparkTest {
    @TempDir
    Path dir;

    static SweepSpec small(String name) {
        Map<String, String> base = new LinkedHashMap<>();
        base.put("model", "inception-mini");
        base.put("epochs", "1");
        base.put("batch", "32");
        base.put("train-limit", "256");
        base.put("test-limit", "128");
        base.put("recipe", "plain");
        base.put("engine", "mxnet");
        Map<String, List<String>> grid = new LinkedHashMap<>();
        grid.put("label-smoothing", List.of("0", "0.1"));
        grid.put("seed", List.of("1", "2"));
        return new SweepSpec(name, base, Map.of(), grid, List.of());
    }

    @Test
    void aSweepInLocalModeGivesEveryPointItsRunAndARestartOnlyReadsThemBack() throws Exception {
        assumeTrue(Files.isDirectory(FashionMnist.DEBIAN_DIR), "dataset-fashion-mnist is not installed (scripts/setup/data installs it)");
        List<PointResult> first = Sweep.run(small("local"), "local[1]", dir, Map.of(), quiet());
        assertEquals(4, first.size());
        for (PointResult r : first) {
            assertFalse(r.failed(), r.id() + ": " + r.error());
            assertFalse(r.earlier());
            assertEquals(1, r.epochs());
            assertTrue(Files.isRegularFile(dir.resolve("runs").resolve(r.id()).resolve("checkpoint.incept")));
        }
        String csv = Files.readString(dir.resolve("results.csv"));
        assertEquals(5, csv.lines().count(), csv);
        assertEquals(3, Files.readString(dir.resolve("summary.csv")).lines().count());
        assertTrue(Files.size(dir.resolve("results.png")) > 0 && Files.readString(dir.resolve("results.svg")).contains("<svg"));

        List<PointResult> again = Sweep.run(small("local"), "local[1]", dir, Map.of(), quiet());
        for (int i = 0; i < 4; i++) {
            assertTrue(again.get(i).earlier(), "a finished point is read back, not trained again");
            assertEquals(first.get(i).top1(), again.get(i).top1());
        }
    }

    @Test
    void aPointThatFailsAsItTrainsIsReportedWithItsErrorAndTheOthersGoOn() throws Exception {
        assumeTrue(Files.isDirectory(FashionMnist.DEBIAN_DIR), "dataset-fashion-mnist is not installed (scripts/setup/data installs it)");
        Map<String, String> base = new LinkedHashMap<>(small("x").base());
        Map<String, List<String>> grid = new LinkedHashMap<>();
        grid.put("lr", List.of("0.05", "1e8"));
        List<PointResult> r = Sweep.run(new SweepSpec("failing", base, Map.of(), grid, List.of()), "local[1]", dir, Map.of(), quiet());
        assertFalse(r.get(0).failed(), r.get(0).error());
        assertTrue(r.get(1).failed());
        assertTrue(r.get(1).error().startsWith("training diverged: "), r.get(1).error());
        assertTrue(Files.readString(dir.resolve("results.csv")).contains("failed"));
        assertTrue(Files.readString(SweepFolders.log(dir, r.get(1).id())).strip().endsWith(r.get(1).error()), "the log ends with the same line");
    }

    @Test
    void aTypoOrAnUnknownModelStopsTheSweepInOneLineBeforeAnyFolderOrTask() throws Exception {
        Path typo = Files.writeString(dir.resolve("typo.json"), "{\"name\": \"typo\", \"grid\": {\"lable-smoothing\": [0, 0.1]}}");
        SweepException e = org.junit.jupiter.api.Assertions.assertThrows(SweepException.class, () -> SweepJson.read(typo));
        assertTrue(e.getMessage().contains("unknown setting 'lable-smoothing'; did you mean label-smoothing?"), e.getMessage());
        SweepException folder = org.junit.jupiter.api.Assertions.assertThrows(SweepException.class,
                () -> SweepSpec.named("placed").base("out", "elsewhere").grid("seed", 1, 2).build());
        assertTrue(folder.getMessage().contains("'out' cannot be a sweep setting"), folder.getMessage());

        assumeTrue(Files.isDirectory(FashionMnist.DEBIAN_DIR), "dataset-fashion-mnist is not installed (scripts/setup/data installs it)");
        Path unknown = Files.writeString(dir.resolve("unknown.json"),
                "{\"name\": \"unknown\", \"base\": {\"epochs\": 1}, \"grid\": {\"model\": [\"inception-mini\", \"no-such-model\"]}}");
        SweepException u = org.junit.jupiter.api.Assertions.assertThrows(SweepException.class,
                () -> SweepCommand.run(List.of(unknown.toString(), "--out", dir.resolve("out").toString()), quiet(), quiet(), List::of));
        assertEquals("sweep: point p02-model-no-such-model: unknown model 'no-such-model'; try 'incept models'", u.userLine());
        SweepException range = org.junit.jupiter.api.Assertions.assertThrows(SweepException.class,
                () -> Sweep.run(SweepSpec.named("range").base("label-smoothing", 1.5).grid("seed", 1).build(), "local[1]", dir.resolve("out"), Map.of(), quiet()));
        assertTrue(range.userLine().startsWith("sweep: point p01-seed-1: label smoothing"), range.userLine());
        assertFalse(Files.exists(dir.resolve("out")), "nothing was made: no folder, no Spark job");
    }

    @Test
    void aSweepWhoseEveryPointFailsEndsWithItsSummaryAndExitStatusOne() throws Exception {
        assumeTrue(Files.isDirectory(FashionMnist.DEBIAN_DIR), "dataset-fashion-mnist is not installed (scripts/setup/data installs it)");
        Path spec = Files.writeString(dir.resolve("all-fail.json"), "{\"name\": \"all-fail\", \"base\": {\"epochs\": 1, "
                + "\"train-limit\": 128, \"test-limit\": 64, \"batch\": 32}, \"grid\": {\"lr\": [1e7, 1e8]}}");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = SweepCommand.run(List.of(spec.toString(), "--out", dir.resolve("out").toString()),
                new java.io.PrintStream(out, true), new java.io.PrintStream(err, true), List::of);
        assertEquals(1, code, err.toString());
        assertTrue(out.toString().contains("0 of 2 points finished"), out.toString());
        assertTrue(err.toString().contains("training diverged"), err.toString());
        assertFalse(err.toString().contains("No layers in plot"), err.toString());
        assertTrue(Files.exists(dir.resolve("out").resolve("results.csv")));
    }

    @Test
    void aStandaloneClusterOfOneMasterAndOneWorkerGivesTheSameFiguresAsLocalMode() throws Exception {
        assumeTrue(Files.isDirectory(FashionMnist.DEBIAN_DIR), "dataset-fashion-mnist is not installed (scripts/setup/data installs it)");
        List<PointResult> local = Sweep.run(small("same"), "local[1]", dir.resolve("local"), Map.of(), quiet());
        List<PointResult> cluster;
        // A point trains with the threads Spark gives its task (Spark sets the executors' OMP_NUM_THREADS
        // to spark.task.cpus), and MXNet's sums depend on the thread count in their last digits. Local
        // mode runs a point with every core of this machine, so the cluster's task gets as many.
        int cores = Runtime.getRuntime().availableProcessors();
        try (StandaloneCluster c = StandaloneCluster.start(Files.createDirectories(dir.resolve("cluster-home")), cores)) {
            // the cluster's folder is named by a URI: executors in JVMs of their own write it through Hadoop's file system API
            cluster = Sweep.run(small("same"), c.master, dir.resolve("cluster").toUri().toString(), Map.of("spark.driver.host", "127.0.0.1",
                    "spark.driver.bindAddress", "127.0.0.1", "spark.executor.memory", "2g", "spark.task.cpus", String.valueOf(cores)), quiet());
        }
        assertEquals(local.size(), cluster.size());
        for (int i = 0; i < local.size(); i++) {
            PointResult a = local.get(i);
            PointResult b = cluster.get(i);
            assertFalse(b.failed(), b.id() + ": " + b.error());
            assertEquals(a.id(), b.id());
            assertTrue(Files.isRegularFile(dir.resolve("cluster").resolve(SweepFolders.run(b.id())).resolve("checkpoint.incept")));
            // the same seed gives the same run, wherever it ran
            assertEquals(a.top1(), b.top1(), a.id() + " top-1");
            assertEquals(a.top5(), b.top5(), a.id() + " top-5");
            assertEquals(a.testLoss(), b.testLoss(), 1e-5 * Math.abs(a.testLoss()), a.id() + " test loss");
            assertEquals(a.trainLoss(), b.trainLoss(), 1e-5 * Math.abs(a.trainLoss()), a.id() + " training loss");
        }
    }

    @Test
    void anInterruptedPointResumesFromItsCheckpoint() throws Exception {
        interruptedPointResumes(dir, dir.toString());
    }

    @Test
    void anInterruptedPointInAFolderOnAHadoopFileSystemResumesFromItsCheckpointThere() throws Exception {
        interruptedPointResumes(dir, dir.toUri().toString());
    }

    /** What a run stopped after its first epoch leaves in {@code folder} (run.json asking for 2 epochs, a checkpoint after 1) is resumed by a sweep of {@code location}. */
    private static void interruptedPointResumes(Path folder, String location) throws Exception {
        assumeTrue(Files.isDirectory(FashionMnist.DEBIAN_DIR), "dataset-fashion-mnist is not installed (scripts/setup/data installs it)");
        Map<String, String> base = new LinkedHashMap<>(small("x").base());
        base.put("epochs", "2");
        SweepSpec spec = new SweepSpec("resume", base, Map.of(), Map.of("seed", List.of("1")), List.of());
        SweepPoint p = spec.expand().get(0);
        Path run = SweepFolders.run(folder, p.id());
        Map<String, String> oneEpoch = new LinkedHashMap<>(p.settings());
        oneEpoch.put("epochs", "1");
        dev.incept.run.RunFolder.train(dev.incept.run.TrainSettings.of(oneEpoch).spec(), run, dev.incept.run.RunFolder.Options.quiet());
        dev.incept.run.Run first = dev.incept.run.Run.open(run);
        double epochOne = first.history().get(0).test().top1();
        dev.incept.run.Run.create(run, first.spec().withConfig(first.spec().config().withEpochs(2)));

        PointResult r = Sweep.run(spec, "local[1]", location, Map.of(), quiet()).get(0);
        assertFalse(r.failed(), r.error());
        assertFalse(r.earlier());
        assertEquals(2, r.epochs());
        assertEquals(epochOne, r.top1ByEpoch().get(0), "the first epoch is the checkpoint's, not trained again");
        assertTrue(Files.readString(SweepFolders.log(folder, p.id())).lines().findFirst().orElse("").startsWith("incept train --resume "));
        assertEquals(2, dev.incept.run.Run.open(run).history().size(), "the resumed run is back in the sweep's folder");
    }

    @Test
    void aSweepFolderNamedByAHadoopUriHoldsEveryRunItsLogAndTheResultsAndARestartReadsThemBackFromThere() throws Exception {
        assumeTrue(Files.isDirectory(FashionMnist.DEBIAN_DIR), "dataset-fashion-mnist is not installed (scripts/setup/data installs it)");
        Map<String, List<String>> grid = new LinkedHashMap<>();
        grid.put("seed", List.of("1", "2"));
        SweepSpec spec = new SweepSpec("uri", small("x").base(), Map.of(), grid, List.of());
        // file:// goes through Hadoop's file system API, as hdfs:// or s3a:// would
        String uri = dir.resolve("shared").toUri().toString();
        List<PointResult> first = Sweep.run(spec, "local[1]", uri, Map.of(), quiet());
        Path shared = dir.resolve("shared");
        for (PointResult r : first) {
            assertFalse(r.failed(), r.id() + ": " + r.error());
            assertFalse(r.earlier());
            assertEquals(1, dev.incept.run.Run.open(shared.resolve("runs").resolve(r.id())).history().size());
            assertTrue(Files.readString(SweepFolders.log(shared, r.id())).startsWith("incept train "));
            assertEquals("done", Files.readString(shared.resolve(SweepFolders.status(r.id()))));
        }
        for (String f : List.of("sweep.json", "results.csv", "summary.csv", "results.svg", "results.png")) {
            assertTrue(Files.size(shared.resolve(f)) > 0, f);
        }
        try (var files = Files.walk(shared)) {
            List<String> stray = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".crc") || n.endsWith(".part")).toList();
            assertEquals(List.of(), stray, "no checksum files or unfinished copies are left in the folder");
        }

        List<PointResult> again = Sweep.run(spec, "local[1]", uri, Map.of(), quiet());
        for (int i = 0; i < first.size(); i++) {
            assertTrue(again.get(i).earlier(), "a finished point is fetched and read back, not trained again");
            assertEquals(first.get(i).top1(), again.get(i).top1());
        }
    }

    @Test
    void aMasterSparkCannotParseIsRefusedInOneLine() {
        // the points are planned (their data read) before the master or the folder is tried
        assumeTrue(Files.isDirectory(FashionMnist.DEBIAN_DIR), "dataset-fashion-mnist is not installed (scripts/setup/data installs it)");
        SweepException e = org.junit.jupiter.api.Assertions.assertThrows(SweepException.class,
                () -> Sweep.run(small("bad"), "nonsense", dir, Map.of(), quiet()));
        assertEquals("cannot start Spark with master 'nonsense': Could not parse Master URL: 'nonsense'", e.getMessage());
    }

    @Test
    void aFolderOnAFileSystemWhoseClientIsMissingOrThatHadoopDoesNotKnowIsRefusedInOneLine() {
        // the points are planned (their data read) before the master or the folder is tried
        assumeTrue(Files.isDirectory(FashionMnist.DEBIAN_DIR), "dataset-fashion-mnist is not installed (scripts/setup/data installs it)");
        SweepException s3 = org.junit.jupiter.api.Assertions.assertThrows(SweepException.class,
                () -> Sweep.run(small("bad"), "local[1]", "s3a://bucket/sweeps/x", Map.of(), quiet()));
        assertEquals("cannot use s3a://bucket/sweeps/x as the sweep's folder: no Hadoop file system for s3a://bucket/sweeps/x"
                + " (its client is not on the class path: org.apache.hadoop.fs.s3a.S3AFileSystem)", s3.getMessage());
        SweepException unknown = org.junit.jupiter.api.Assertions.assertThrows(SweepException.class,
                () -> Sweep.run(small("bad"), "local[1]", "nosuchfs://host/x", Map.of(), quiet()));
        assertEquals("cannot use nosuchfs://host/x as the sweep's folder: no Hadoop file system for nosuchfs://host/x"
                + " (No FileSystem for scheme \"nosuchfs\")", unknown.getMessage());
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
