package dev.incept.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * The image-folder layout: {@code <root>/<class>/*.png|jpg}, classes in sorted order of their
 * folder names. Every image is decoded, converted to {@code channels} (1 = luminance, 3 = RGB)
 * and resized to {@code size} x {@code size}, so the set is stored as bytes like the others.
 */
public final class ImageFolder {
    private ImageFolder() {
    }

    public record Classified(Images images, List<String> classes) {
    }

    public static List<String> classesOf(Path root) {
        if (!Files.isDirectory(root)) {
            throw new DataException("image folder " + root + " does not exist or is not a directory");
        }
        try (Stream<Path> s = Files.list(root)) {
            List<String> classes = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
            if (classes.isEmpty()) {
                throw new DataException("image folder " + root + " has no class sub-folders (expected <root>/<class>/*.png|jpg)");
            }
            return classes;
        } catch (IOException e) {
            throw new DataException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    /** Loads with the given class list (pass the training set's to a test set so labels agree). */
    public static Classified load(Path root, List<String> classes, int channels, int size) {
        if (channels != 1 && channels != 3) {
            throw new DataException("image folders load as 1 or 3 channels, not " + channels);
        }
        if (classes.size() > 256) {
            throw new DataException("at most 256 classes, found " + classes.size());
        }
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (String c : classesOf(root)) {
            int label = classes.indexOf(c);
            if (label < 0) {
                throw new DataException(root + " has class folder '" + c + "' that the training set does not have");
            }
            try (Stream<Path> s = Files.list(root.resolve(c))) {
                for (Path f : s.filter(ImageFolder::isImage).sorted().toList()) {
                    files.add(f);
                    labels.add(label);
                }
            } catch (IOException e) {
                throw new DataException("cannot list " + root.resolve(c) + ": " + e.getMessage(), e);
            }
        }
        if (files.isEmpty()) {
            throw new DataException("image folder " + root + " holds no .png or .jpg images");
        }
        int per = channels * size * size;
        byte[] pixels = new byte[files.size() * per];
        byte[] lab = new byte[files.size()];
        for (int i = 0; i < files.size(); i++) {
            BufferedImage img = decode(files.get(i));
            BufferedImage scaled = resize(img, size);
            copy(scaled, channels, size, pixels, i * per);
            lab[i] = (byte) (int) labels.get(i);
        }
        return new Classified(new Images(files.size(), channels, size, size, pixels, lab, classes.size()), classes);
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && (n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg"));
    }

    private static BufferedImage decode(Path f) {
        try {
            BufferedImage img = ImageIO.read(f.toFile());
            if (img == null) {
                throw new DataException(f + " is not a readable PNG or JPEG image");
            }
            return img;
        } catch (NoSuchFileException e) {
            throw new DataException(f + " disappeared while loading", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof DataException d) {
                throw d;
            }
            throw new DataException(f + " is corrupt or not an image: " + e.getMessage(), e);
        }
    }

    private static BufferedImage resize(BufferedImage img, int size) {
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, size, size, null);
        g.dispose();
        return out;
    }

    private static void copy(BufferedImage img, int channels, int size, byte[] dst, int off) {
        int plane = size * size;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int rgb = img.getRGB(x, y);
                int r = rgb >> 16 & 0xff;
                int g = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                int k = y * size + x;
                if (channels == 1) {
                    dst[off + k] = (byte) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
                } else {
                    dst[off + k] = (byte) r;
                    dst[off + plane + k] = (byte) g;
                    dst[off + 2 * plane + k] = (byte) b;
                }
            }
        }
    }
}
