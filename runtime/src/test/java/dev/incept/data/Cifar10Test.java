package dev.incept.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CIFAR-10's binary format, on small files written here in that format (the real set is not installable). */
class Cifar10Test {

    private static byte[] records(int n, int firstLabel) {
        byte[] b = new byte[n * 3073];
        for (int i = 0; i < n; i++) {
            b[i * 3073] = (byte) ((firstLabel + i) % 10);
            b[i * 3073 + 1] = (byte) 200;            // red plane, first pixel
            b[i * 3073 + 1 + 1024] = (byte) 100;     // green plane, first pixel
            b[i * 3073 + 1 + 2048 + 1023] = (byte) 7; // blue plane, last pixel
        }
        return b;
    }

    private static void writeSet(Path dir) throws IOException {
        for (int i = 1; i <= 5; i++) {
            Files.write(dir.resolve("data_batch_" + i + ".bin"), records(3, i));
        }
        Files.write(dir.resolve("test_batch.bin"), records(2, 0));
    }

    @Test
    void readsRecordsAsChannelsFirstImagesWithLabels(@TempDir Path dir) throws IOException {
        writeSet(dir);
        Images train = Cifar10.load(dir, Split.TRAIN);
        assertEquals(15, train.count());
        assertEquals(3, train.channels());
        assertEquals(1, train.label(0));
        assertEquals(200, train.pixel(0, 0, 0, 0));
        assertEquals(100, train.pixel(0, 1, 0, 0));
        assertEquals(7, train.pixel(0, 2, 31, 31));
        assertEquals(2, Cifar10.load(dir, Split.TEST).count());
    }

    @Test
    void aMissingOrTruncatedFileIsNamed(@TempDir Path dir) throws IOException {
        writeSet(dir);
        Files.delete(dir.resolve("data_batch_4.bin"));
        DataException missing = assertThrows(DataException.class, () -> Cifar10.load(dir, Split.TRAIN));
        assertTrue(missing.getMessage().contains("data_batch_4.bin") && missing.getMessage().contains("missing"), missing.getMessage());
        Files.write(dir.resolve("test_batch.bin"), java.util.Arrays.copyOf(records(2, 0), 5000));
        DataException truncated = assertThrows(DataException.class, () -> Cifar10.load(dir, Split.TEST));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
    }

    @Test
    void aLabelOutsideTheTenClassesIsRejected(@TempDir Path dir) throws IOException {
        byte[] b = records(1, 0);
        b[0] = 12;
        Files.write(dir.resolve("test_batch.bin"), b);
        DataException e = assertThrows(DataException.class, () -> Cifar10.load(dir, Split.TEST));
        assertTrue(e.getMessage().contains("label 12"), e.getMessage());
    }
}
