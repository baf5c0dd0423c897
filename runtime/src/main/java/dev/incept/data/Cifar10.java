package dev.incept.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CIFAR-10 binary version: {@code data_batch_1.bin}..{@code data_batch_5.bin} and
 * {@code test_batch.bin}, each record one label byte and 3072 pixel bytes (1024 red, then green,
 * then blue, row-major): already the channels-first layout {@link Images} holds.
 */
public final class Cifar10 {
    public static final List<String> CLASSES = List.of(
            "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");
    private static final int PIXELS = 3 * 32 * 32;
    private static final int RECORD = 1 + PIXELS;

    private Cifar10() {
    }

    public static Images load(Path dir, Split split) {
        List<Path> files = new ArrayList<>();
        if (split == Split.TRAIN) {
            for (int i = 1; i <= 5; i++) {
                files.add(dir.resolve("data_batch_" + i + ".bin"));
            }
        } else {
            files.add(dir.resolve("test_batch.bin"));
        }
        return read(files);
    }

    /** Reads and concatenates record files; each must hold a whole number of records. */
    public static Images read(List<Path> files) {
        List<byte[]> parts = new ArrayList<>();
        int count = 0;
        for (Path f : files) {
            byte[] b;
            try {
                b = Files.readAllBytes(f);
            } catch (NoSuchFileException e) {
                throw new DataException("CIFAR-10 file " + f + " is missing (expected the binary version: "
                        + "data_batch_1..5.bin and test_batch.bin)", e);
            } catch (IOException e) {
                throw new DataException("cannot read CIFAR-10 file " + f + ": " + e.getMessage(), e);
            }
            if (b.length == 0 || b.length % RECORD != 0) {
                throw new DataException("CIFAR-10 file " + f + " has " + b.length + " bytes, not a whole number of "
                        + RECORD + "-byte records; it is truncated or not the binary version");
            }
            parts.add(b);
            count += b.length / RECORD;
        }
        byte[] pixels = new byte[count * PIXELS];
        byte[] labels = new byte[count];
        int i = 0;
        for (int p = 0; p < parts.size(); p++) {
            byte[] b = parts.get(p);
            for (int off = 0; off < b.length; off += RECORD, i++) {
                int label = b[off] & 0xff;
                if (label >= CLASSES.size()) {
                    throw new DataException("CIFAR-10 file " + files.get(p) + ": record " + (off / RECORD)
                            + " has label " + label + ", outside 0..9");
                }
                labels[i] = b[off];
                System.arraycopy(b, off + 1, pixels, i * PIXELS, PIXELS);
            }
        }
        return new Images(count, 3, 32, 32, pixels, labels, CLASSES.size());
    }
}
