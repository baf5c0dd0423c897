package dev.incept.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDX files written here in the real format: read back exactly, and every corruption named. */
class IdxTest {
    @TempDir
    Path dir;

    private static byte[] idx(int magic, int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(data);
        return bytes.toByteArray();
    }

    private Path write(String name, byte[] content, boolean gzip) throws IOException {
        Path f = dir.resolve(name);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(f)) : Files.newOutputStream(f)) {
            out.write(content);
        }
        return f;
    }

    private static byte[] ramp(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 7);
        }
        return b;
    }

    private static String message(Runnable r) {
        return assertThrows(DataException.class, r::run).getMessage();
    }

    @Test
    void plainAndGzippedFilesReadBackExactly() throws IOException {
        byte[] pixels = ramp(3 * 4 * 5);
        for (boolean gzip : new boolean[] {false, true}) {
            Path f = write("img" + gzip, idx(0x0803, new int[] {3, 4, 5}, pixels), gzip);
            Idx.Array a = Idx.read(f);
            assertArrayEquals(new int[] {3, 4, 5}, a.dims());
            assertArrayEquals(pixels, a.data());
        }
    }

    @Test
    void imagesAndLabelsPairUp() throws IOException {
        Path images = write("i.gz", idx(0x0803, new int[] {2, 2, 3}, ramp(12)), true);
        Path labels = write("l.gz", idx(0x0801, new int[] {2}, new byte[] {9, 4}), true);
        Images set = Idx.readLabelled(images, labels, 10);
        assertEquals(2, set.count());
        assertEquals(4, set.label(1));
        assertEquals((6 * 7) & 0xff, set.pixel(1, 0, 0, 0));
    }

    @Test
    void corruptionsAreNamed() throws IOException {
        Path wrongMagic = write("m", idx(0x0903, new int[] {1, 1, 1}, new byte[1]), false);
        assertTrue(message(() -> Idx.read(wrongMagic)).contains("magic number 0x00000903"));

        byte[] full = idx(0x0803, new int[] {10, 28, 28}, ramp(10 * 28 * 28));
        Path truncated = write("t.gz", Arrays.copyOf(full, full.length - 100), true);
        assertTrue(message(() -> Idx.read(truncated)).contains("truncated"));

        byte[] longer = Arrays.copyOf(full, full.length + 3);
        Path trailing = write("x", longer, false);
        assertTrue(message(() -> Idx.read(trailing)).contains("bytes after"));

        Path notGzip = write("g.gz", new byte[] {0x1f, (byte) 0x8b, 1, 2, 3}, false);
        assertTrue(message(() -> Idx.read(notGzip)).contains("g.gz"));

        assertTrue(message(() -> Idx.read(dir.resolve("absent"))).contains("not found"));
    }

    @Test
    void mismatchedCountsAndOutOfRangeLabelsAreNamed() throws IOException {
        Path images = write("i", idx(0x0803, new int[] {3, 2, 2}, ramp(12)), false);
        Path two = write("l2", idx(0x0801, new int[] {2}, new byte[] {1, 2}), false);
        assertTrue(message(() -> Idx.readLabelled(images, two, 10)).contains("3 images but"));
        Path bad = write("l3", idx(0x0801, new int[] {3}, new byte[] {1, 12, 2}), false);
        assertTrue(message(() -> Idx.readLabelled(images, bad, 10)).contains("label 12 of image 1"));
    }

    @Test
    void aMissingDataSetSaysHowToInstallIt() {
        String m = message(() -> FashionMnist.load(dir.resolve("nowhere"), Split.TEST));
        assertTrue(m.contains("apt-get install dataset-fashion-mnist"), m);
    }
}
