package dev.incept.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A training and a test set named on the command line: {@code fashion-mnist} (Debian's package,
 * or {@code fashion-mnist:DIR}), {@code cifar10:DIR} (binary version), {@code folder:DIR}
 * (with {@code DIR/train/<class>} and {@code DIR/test/<class>} or {@code DIR/val/<class>}).
 */
public record DataSource(String name, Images train, Images test, List<String> classes, Augment augment) {

    /** @param folderChannels and folderSize apply to image folders only (their files vary). */
    public static DataSource open(String spec, int folderChannels, int folderSize) {
        String kind = spec;
        String dir = null;
        int colon = spec.indexOf(':');
        if (colon >= 0) {
            kind = spec.substring(0, colon);
            dir = spec.substring(colon + 1);
        }
        switch (kind) {
            case "fashion-mnist": {
                Path d = dir == null ? FashionMnist.defaultDir() : Path.of(dir);
                // Mirrored clothes are still the same class; shifts by up to 2 of 28 pixels keep the item in frame.
                return new DataSource("fashion-mnist", FashionMnist.load(d, Split.TRAIN),
                        FashionMnist.load(d, Split.TEST), FashionMnist.CLASSES, new Augment(2, true));
            }
            case "cifar10": {
                Path d = Path.of(need(dir, "cifar10:DIR"));
                return new DataSource("cifar10", Cifar10.load(d, Split.TRAIN),
                        Cifar10.load(d, Split.TEST), Cifar10.CLASSES, new Augment(4, true));
            }
            case "folder": {
                Path root = Path.of(need(dir, "folder:DIR"));
                Path train = root.resolve("train");
                Path test = Files.isDirectory(root.resolve("test")) ? root.resolve("test") : root.resolve("val");
                List<String> classes = ImageFolder.classesOf(train);
                ImageFolder.Classified tr = ImageFolder.load(train, classes, folderChannels, folderSize);
                ImageFolder.Classified te = ImageFolder.load(test, classes, folderChannels, folderSize);
                return new DataSource("folder " + root, tr.images(), te.images(), classes, new Augment(folderSize / 8, true));
            }
            default:
                throw new DataException("unknown data set '" + spec + "'; use fashion-mnist[:DIR], cifar10:DIR or folder:DIR");
        }
    }

    private static String need(String dir, String form) {
        if (dir == null || dir.isBlank()) {
            throw new DataException("give the directory: " + form);
        }
        return dir;
    }
}
