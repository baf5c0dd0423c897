package dev.incept.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Fashion-MNIST (Zalando, MIT): 60,000 training and 10,000 test images, 28x28 grayscale, 10
 * classes, as Debian's dataset-fashion-mnist package installs it. Nothing is downloaded.
 */
public final class FashionMnist {
    public static final Path DEBIAN_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    public static final List<String> CLASSES = List.of(
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private FashionMnist() {
    }

    /** The directory named by $INCEPT_FASHION_MNIST, else Debian's. */
    public static Path defaultDir() {
        String env = System.getenv("INCEPT_FASHION_MNIST");
        return env == null || env.isBlank() ? DEBIAN_DIR : Path.of(env);
    }

    public static Images load(Split split) {
        return load(defaultDir(), split);
    }

    public static Images load(Path dir, Split split) {
        if (!Files.isDirectory(dir)) {
            throw new DataException("Fashion-MNIST not found at " + dir
                    + "; install it with 'apt-get install dataset-fashion-mnist' or set INCEPT_FASHION_MNIST");
        }
        return Idx.readLabelled(file(dir, prefix(split) + "-images-idx3-ubyte"), file(dir, prefix(split) + "-labels-idx1-ubyte"),
                CLASSES.size());
    }

    /** The gzipped file as Debian ships it, or an unpacked one. */
    private static Path file(Path dir, String base) {
        Path gz = dir.resolve(base + ".gz");
        return Files.exists(gz) || !Files.exists(dir.resolve(base)) ? gz : dir.resolve(base);
    }

    /** The file-name prefix of a split in the original distribution. */
    private static String prefix(Split split) {
        return split == Split.TRAIN ? "train" : "t10k";
    }
}
