package dev.incept.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatchMakerTest {
    /** One 4x4 image with a gradient along x: 0, 80, 160, 240 on every row. */
    private static Images ramp() {
        byte[] px = new byte[16];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                px[y * 4 + x] = (byte) (x * 80);
            }
        }
        return new Images(1, 1, 4, 4, px, new byte[] {0}, 1);
    }

    private static final Normalization UNIT = new Normalization(new float[] {0f}, new float[] {1f / 255f});

    @Test
    void normalizationSubtractsTheMeanAndDividesByTheDeviation() {
        Normalization n = Normalization.of(ramp());
        assertEquals(120 / 255.0, n.mean()[0], 1e-6);
        assertEquals(Math.sqrt(8000) / 255.0, n.std()[0], 1e-6);
        Batch b = new BatchMaker(ramp(), 4, 4, n, Augment.NONE).make(new int[] {0}, null);
        assertEquals((0 - 120) / Math.sqrt(8000), b.pixels()[0], 1e-5);
    }

    @Test
    void resizingInterpolatesBilinearlyWithHalfPixelCentres() {
        Batch b = new BatchMaker(ramp(), 4, 8, UNIT, Augment.NONE).make(new int[] {0}, null);
        float[] row = java.util.Arrays.copyOfRange(b.pixels(), 0, 8);
        // output x -> source (x + 0.5) / 2 - 0.5, clamped: 0, 0.25, 0.75, 1.25, ...
        assertArrayEquals(new float[] {0, 20, 60, 100, 140, 180, 220, 240}, row, 1e-4f);
    }

    @Test
    void augmentationIsReproducibleFromItsSeedAndFlipsMirrorTheImage() {
        BatchMaker flipOnly = new BatchMaker(ramp(), 4, 4, UNIT, new Augment(0, true));
        float[] first = null;
        boolean sawFlip = false;
        for (int seed = 0; seed < 20; seed++) {
            Batch b = flipOnly.make(new int[] {0}, new SplittableRandom(seed));
            assertArrayEquals(b.pixels(), flipOnly.make(new int[] {0}, new SplittableRandom(seed)).pixels());
            if (b.pixels()[0] == 240f) {
                sawFlip = true;
                assertArrayEquals(new float[] {240, 160, 80, 0}, java.util.Arrays.copyOfRange(b.pixels(), 0, 4));
            }
            first = first == null ? b.pixels() : first;
        }
        assertEquals(true, sawFlip);
        BatchMaker shift = new BatchMaker(ramp(), 4, 4, UNIT, new Augment(1, false));
        boolean moved = false;
        for (int seed = 0; seed < 20 && !moved; seed++) {
            moved = shift.make(new int[] {0}, new SplittableRandom(seed)).pixels()[5] != 80f;
        }
        assertNotEquals(false, moved);
    }
}
