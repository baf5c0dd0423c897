package dev.incept.data;

/** One batch ready for an engine: pixels as N x C x H x W floats, and labels. */
public record Batch(float[] pixels, int[] labels, int size, int channels, int height, int width) {
}
