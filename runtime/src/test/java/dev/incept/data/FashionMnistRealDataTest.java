package dev.incept.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

/** Runs where Debian's dataset-fashion-mnist is installed: the real files have the published shape. */
class FashionMnistRealDataTest {
    @Test
    void theInstalledDataSetHas60000BalancedTrainingAnd10000TestImages() {
        assumeTrue(Files.isDirectory(FashionMnist.DEBIAN_DIR), "dataset-fashion-mnist is not installed");
        Images train = FashionMnist.load(FashionMnist.DEBIAN_DIR, Split.TRAIN);
        Images test = FashionMnist.load(FashionMnist.DEBIAN_DIR, Split.TEST);
        assertEquals(60_000, train.count());
        assertEquals(10_000, test.count());
        assertEquals(28, train.height());
        assertEquals(28, train.width());
        int[] perClass = new int[10];
        for (int i = 0; i < train.count(); i++) {
            perClass[train.label(i)]++;
        }
        for (int c = 0; c < 10; c++) {
            assertEquals(6_000, perClass[c], FashionMnist.CLASSES.get(c));
        }
    }
}
