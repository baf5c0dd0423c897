package dev.incept.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incept.storage.FolderLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** incept train end to end on the real Fashion-MNIST (installed by scripts/setup/data), in quick mode. */
class TrainCommandTest {
    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static final String[] QUICK = {"--train-limit", "512", "--test-limit", "256", "--batch", "64"};

    private static String[] args(String... more) {
        String[] all = Arrays.copyOf(more, more.length + QUICK.length);
        System.arraycopy(QUICK, 0, all, more.length, QUICK.length);
        return all;
    }

    @Test
    void trainsOnFashionMnistWritesTheRunFolderAndResumesToMoreEpochs(@TempDir Path dir) throws IOException {
        RealData.assumeFashionMnist();
        Path runDir = dir.resolve("run");
        CliRun first = run(args("train", "--epochs", "1", "--recipe", "paper", "--random-erase", "0.5", "--out", runDir.toString()));
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("test accuracy"), first.out());
        assertTrue(first.out().contains("on fashion-mnist: 512 train / 256 test images at 28x28x1"), first.out());
        for (String f : List.of("checkpoint.incept", "metrics.csv", "curves.png", "run.json")) {
            assertTrue(Files.exists(runDir.resolve(f)), f);
        }
        byte[] png = Files.readAllBytes(runDir.resolve("curves.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        assertTrue(png.length > 5_000, "a real picture, " + png.length + " bytes");

        CliRun again = run(args("train", "--epochs", "1", "--out", runDir.toString()));
        assertEquals(2, again.code());
        assertTrue(again.err().contains("--resume"), again.err());

        // One owner per run folder; a resume refused for any reason changes nothing in it.
        byte[] options = Files.readAllBytes(runDir.resolve("run.json"));
        byte[] checkpoint = Files.readAllBytes(runDir.resolve("checkpoint.incept"));
        try (FolderLock held = FolderLock.acquire(runDir)) {
            CliRun busy = run("train", "--resume", runDir.toString(), "--epochs", "2");
            assertEquals(1, busy.code(), busy.err());
            assertTrue(busy.err().contains("in use by process " + ProcessHandle.current().pid()), busy.err());
        }
        CliRun otherOptimizer = run("train", "--resume", runDir.toString(), "--epochs", "2", "--optimizer", "sgd");
        assertEquals(2, otherOptimizer.code(), otherOptimizer.err());
        assertTrue(otherOptimizer.err().contains("--optimizer cannot change on --resume"), otherOptimizer.err());
        CliRun moved = run("train", "--resume", runDir.toString(), "--out", dir.resolve("elsewhere").toString());
        assertEquals(2, moved.code(), moved.err());
        assertArrayEquals(options, Files.readAllBytes(runDir.resolve("run.json")));
        assertArrayEquals(checkpoint, Files.readAllBytes(runDir.resolve("checkpoint.incept")));
        assertTrue(Files.notExists(dir.resolve("elsewhere")));

        CliRun resumed = run("train", "--resume", runDir.toString(), "--epochs", "2");
        assertEquals(0, resumed.code(), resumed.err());
        List<String> rows = Files.readAllLines(runDir.resolve("metrics.csv"));
        assertEquals(3, rows.size(), "header and one row per epoch: " + rows);
        assertTrue(rows.get(2).startsWith("2,"), rows.get(2));

        // eval rebuilds the run from its folder alone and sees what training's last evaluation saw.
        CliRun eval = run("eval", runDir.toString(), "--mirror");
        assertEquals(0, eval.code(), eval.err());
        assertTrue(eval.out().contains("after 2 epochs, moving-average weights, on 256 fashion-mnist test images"), eval.out());
        double recorded = Double.parseDouble(rows.get(2).split(",")[5]);
        assertTrue(eval.out().contains(String.format(java.util.Locale.ROOT, "single view  top-1 %.2f%%", 100 * recorded)),
                "recorded top-1 " + recorded + " vs\n" + eval.out());
        assertTrue(eval.out().contains("with mirror  top-1 "), eval.out());
    }

    @Test
    void aRunFolderThatCannotBeUsedIsOneLineAndARefusedRunLeavesNoFolder(@TempDir Path dir) throws IOException {
        RealData.assumeFashionMnist();
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        for (Path out : List.of(file, file.resolve("run"))) {
            CliRun r = run(args("train", "--out", out.toString()));
            assertEquals(1, r.code(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("run folder") && !r.err().contains("Exception"), r.err());
        }
        assertEquals("not a folder", Files.readString(file));

        // refused by the trainer, after the folder was made: five outputs for ten classes
        Path spec = Files.writeString(dir.resolve("five.json"), dev.incept.json.SpecJson.write(
                dev.incept.spec.Network.builder("five").input(1, 28, 28)
                        .add(dev.incept.spec.Layers.conv(4, 3), dev.incept.spec.Layers.globalAvgPool(), dev.incept.spec.Layers.dense(5))
                        .build()));
        Path never = dir.resolve("never");
        CliRun refused = run(args("train", "--spec", spec.toString(), "--out", never.toString()));
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains("5 outputs"), refused.err());
        assertTrue(Files.notExists(never), "no folder left behind");
    }

    @Test
    void aMissingDataSetOrCheckpointIsOneClearLine(@TempDir Path dir) {
        CliRun noData = run(args("train", "--data", "fashion-mnist:" + dir.resolve("nowhere"), "--out", dir.resolve("r").toString()));
        assertEquals(1, noData.code());
        assertEquals(1, noData.err().strip().lines().count(), noData.err());
        assertTrue(noData.err().contains("nowhere"), noData.err());

        CliRun noRun = run("train", "--resume", dir.resolve("never-ran").toString());
        assertEquals(2, noRun.code());
        assertTrue(noRun.err().contains("no checkpoint"), noRun.err());

        CliRun noEval = run("eval", dir.resolve("never-ran").toString());
        assertEquals(2, noEval.code());
        assertTrue(noEval.err().contains("no checkpoint"), noEval.err());

        CliRun badEngine = run(args("train", "--engine", "tensorflow", "--out", dir.resolve("r2").toString()));
        assertEquals(2, badEngine.code());
        assertTrue(badEngine.err().contains("mxnet or pytorch"), badEngine.err());

        CliRun badErase = run(args("train", "--random-erase", "1.5", "--out", dir.resolve("r3").toString()));
        assertEquals(2, badErase.code());
        assertTrue(badErase.err().contains("probability"), badErase.err());
    }
}
