package dev.incept.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** A 28x28 image of one grey level: any erased pixel stands out. */
    private static Images flat() {
        byte[] px = new byte[28 * 28];
        java.util.Arrays.fill(px, (byte) 200);
        return new Images(1, 1, 28, 28, px, new byte[] {0}, 1);
    }

    @Test
    void randomErasingReplacesOneRectangleOfTwoToFortyPercentAndNothingElse() {
        BatchMaker eraser = new BatchMaker(flat(), 28, 28, UNIT, new Augment(0, false, 1.0));
        for (int seed = 0; seed < 50; seed++) {
            float[] px = eraser.make(new int[] {0}, new SplittableRandom(seed)).pixels();
            int top = 28, left = 28, bottom = -1, right = -1, changed = 0;
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    if (px[y * 28 + x] != 200f) {
                        changed++;
                        top = Math.min(top, y);
                        bottom = Math.max(bottom, y);
                        left = Math.min(left, x);
                        right = Math.max(right, x);
                    }
                }
            }
            int box = (bottom - top + 1) * (right - left + 1);
            assertEquals(box, changed, "seed " + seed + ": the erased pixels fill their bounding box");
            assertTrue(box >= Math.floor(0.02 * 784) - 28 && box <= Math.ceil(0.4 * 784) + 28,
                    "seed " + seed + ": erased area " + box);
        }
    }

    @Test
    void randomErasingHappensWithItsProbabilityAndIsOffByDefault() {
        BatchMaker half = new BatchMaker(flat(), 28, 28, UNIT, new Augment(0, false, 0.5));
        BatchMaker none = new BatchMaker(flat(), 28, 28, UNIT, new Augment(2, false));
        int erased = 0;
        for (int seed = 0; seed < 400; seed++) {
            if (countOff(half.make(new int[] {0}, new SplittableRandom(seed)).pixels()) > 0) {
                erased++;
            }
            // shifts alone only bring in zeros at the border, never noise
            for (float v : none.make(new int[] {0}, new SplittableRandom(seed)).pixels()) {
                assertTrue(v == 200f || v == 0f);
            }
        }
        assertTrue(erased > 150 && erased < 250, "erased " + erased + " of 400");
    }

    private static int countOff(float[] px) {
        int n = 0;
        for (float v : px) {
            n += v != 200f ? 1 : 0;
        }
        return n;
    }
}
