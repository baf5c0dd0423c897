package dev.incept.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** incept train end to end on the real Fashion-MNIST (installed by scripts/setup-data), in quick mode. */
class TrainCommandTest {
    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static final String[] QUICK = {"--train-limit", "512", "--test-limit", "256", "--batch", "64"};

    private static String[] args(String... more) {
        String[] all = Arrays.copyOf(more, more.length + QUICK.length);
        System.arraycopy(QUICK, 0, all, more.length, QUICK.length);
        return all;
    }

    @Test
    void trainsOnFashionMnistWritesTheRunFolderAndResumesToMoreEpochs(@TempDir Path dir) throws IOException {
        Path runDir = dir.resolve("run");
        Result first = run(args("train", "--epochs", "1", "--recipe", "paper", "--out", runDir.toString()));
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("test accuracy"), first.out());
        assertTrue(first.out().contains("on fashion-mnist: 512 train / 256 test images at 28x28x1"), first.out());
        for (String f : List.of("checkpoint.incept", "metrics.csv", "curves.png", "args.txt")) {
            assertTrue(Files.exists(runDir.resolve(f)), f);
        }
        byte[] png = Files.readAllBytes(runDir.resolve("curves.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        assertTrue(png.length > 5_000, "a real picture, " + png.length + " bytes");

        Result again = run(args("train", "--epochs", "1", "--out", runDir.toString()));
        assertEquals(2, again.code());
        assertTrue(again.err().contains("--resume"), again.err());

        Result resumed = run("train", "--resume", runDir.toString(), "--epochs", "2");
        assertEquals(0, resumed.code(), resumed.err());
        List<String> rows = Files.readAllLines(runDir.resolve("metrics.csv"));
        assertEquals(3, rows.size(), "header and one row per epoch: " + rows);
        assertTrue(rows.get(2).startsWith("2,"), rows.get(2));
    }

    @Test
    void aMissingDataSetOrCheckpointIsOneClearLine(@TempDir Path dir) {
        Result noData = run(args("train", "--data", "fashion-mnist:" + dir.resolve("nowhere"), "--out", dir.resolve("r").toString()));
        assertEquals(1, noData.code());
        assertEquals(1, noData.err().strip().lines().count(), noData.err());
        assertTrue(noData.err().contains("nowhere"), noData.err());

        Result noRun = run("train", "--resume", dir.resolve("never-ran").toString());
        assertEquals(2, noRun.code());
        assertTrue(noRun.err().contains("no checkpoint"), noRun.err());

        Result badEngine = run(args("train", "--engine", "tensorflow", "--out", dir.resolve("r2").toString()));
        assertEquals(2, badEngine.code());
        assertTrue(badEngine.err().contains("mxnet or pytorch"), badEngine.err());
    }
}
