package dev.incept.bench;

import ai.djl.ndarray.types.Shape;
import java.util.Random;

/** A batch of gaussian pixels and uniform labels, for timing and comparing steps where the data does not matter. */
public record RandomBatch(float[] pixels, int[] labels) {
    public static RandomBatch draw(Random random, Shape input, int classes) {
        float[] pixels = new float[(int) input.size()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextGaussian();
        }
        int[] labels = new int[(int) input.get(0)];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = random.nextInt(classes);
        }
        return new RandomBatch(pixels, labels);
    }
}
