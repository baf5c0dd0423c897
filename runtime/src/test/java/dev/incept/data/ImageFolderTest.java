package dev.incept.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {

    private static void image(Path file, Color color, int size, String format) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, size, size);
        g.dispose();
        ImageIO.write(img, format, file.toFile());
    }

    @Test
    void classesAreSortedFolderNamesAndImagesAreResized(@TempDir Path root) throws IOException {
        image(root.resolve("train/red/a.png"), Color.RED, 40, "png");
        image(root.resolve("train/blue/b.jpg"), Color.BLUE, 20, "jpg");
        image(root.resolve("test/red/c.png"), Color.RED, 10, "png");
        DataSource data = DataSource.open("folder:" + root, 3, 16);
        assertEquals(List.of("blue", "red"), data.classes());
        assertEquals(2, data.train().count());
        assertEquals(16, data.train().height());
        assertEquals(0, data.train().label(0));
        assertTrue(data.train().pixel(0, 2, 8, 8) > 200, "blue image keeps its blue channel");
        assertEquals(255, data.train().pixel(1, 0, 8, 8), "red image keeps its red channel");
        assertEquals(1, data.test().label(0));
    }

    @Test
    void aCorruptImageIsNamed(@TempDir Path root) throws IOException {
        image(root.resolve("train/a/ok.png"), Color.GRAY, 8, "png");
        Files.writeString(root.resolve("train/a/broken.png"), "not a png");
        DataException e = assertThrows(DataException.class, () -> ImageFolder.load(root.resolve("train"), List.of("a"), 1, 8));
        assertTrue(e.getMessage().contains("broken.png"), e.getMessage());
    }

    @Test
    void aMissingFolderOrUnknownTestClassIsAClearError(@TempDir Path root) throws IOException {
        DataException missing = assertThrows(DataException.class, () -> ImageFolder.classesOf(root.resolve("nope")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        image(root.resolve("test/zebra/z.png"), Color.WHITE, 8, "png");
        DataException unknown = assertThrows(DataException.class, () -> ImageFolder.load(root.resolve("test"), List.of("cat"), 1, 8));
        assertTrue(unknown.getMessage().contains("zebra"), unknown.getMessage());
    }
}
