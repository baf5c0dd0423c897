package dev.incept.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/errors-and-guarantees.md's promise, asserted: a training process killed with SIGKILL in the middle of an
 * epoch and resumed ends with the same figures, to every digit written, as one never interrupted.
 */
class KillAndResumeTest {
    private static final List<String> OPTIONS = List.of("train", "--epochs", "3", "--train-limit", "1024", "--test-limit", "256",
            "--batch", "64", "--seed", "7");
    /** The columns that depend on the maths, not on the clock. */
    private static final int TIMED_COLUMNS = 2;

    @Test
    void aRunKilledMidEpochAndResumedEndsWhereAnUninterruptedRunEnds(@TempDir Path dir) throws Exception {
        RealData.assumeFashionMnist();
        Path straight = dir.resolve("straight");
        assertEquals(0, incept(straight, List.of()).waitFor(), "the uninterrupted run");

        Path killed = dir.resolve("killed");
        Process p = incept(killed, List.of());
        Path metrics = killed.resolve("metrics.csv");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!(Files.exists(metrics) && Files.readAllLines(metrics).size() >= 2) && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(50);
        }
        assertTrue(p.isAlive(), "still training after its first epoch");
        Thread.sleep(700); // into the second epoch
        p.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no finally block runs
        int epochsBefore = Files.readAllLines(metrics).size() - 1;
        assertTrue(epochsBefore < 3, "killed before the end: " + epochsBefore + " epochs were done");

        Process resumed = incept(null, List.of("--resume", killed.toString()));
        assertEquals(0, resumed.waitFor(), "the resumed run");
        List<String> a = Files.readAllLines(straight.resolve("metrics.csv"));
        List<String> b = Files.readAllLines(metrics);
        assertEquals(a.size(), b.size(), "one row per epoch");
        for (int i = 0; i < a.size(); i++) {
            assertEquals(withoutTimes(a.get(i)), withoutTimes(b.get(i)), "row " + i);
        }
    }

    private static List<String> withoutTimes(String row) {
        List<String> cells = Arrays.asList(row.split(","));
        return cells.subList(0, cells.size() - TIMED_COLUMNS);
    }

    /** incept in a child JVM, as a user runs it; {@code out} null for a resume. */
    private static Process incept(Path out, List<String> extra) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "-Dai.djl.offline=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", Main.class.getName()));
        if (out != null) {
            cmd.addAll(OPTIONS);
            cmd.addAll(List.of("--out", out.toString()));
        } else {
            cmd.add("train");
        }
        cmd.addAll(extra);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
