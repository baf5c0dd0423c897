package dev.incept.spec;

/**
 * The shape of one example (no batch axis): channels x height x width, or a flat vector of
 * {@code channels} features when {@code flat} is set.
 */
public record FeatureShape(int channels, int height, int width, boolean flat) {

    public static FeatureShape of(int channels, int height, int width) {
        return new FeatureShape(channels, height, width, false);
    }

    public static FeatureShape vector(int features) {
        return new FeatureShape(features, 1, 1, true);
    }

    /** Dimensions in the engines' order, without the batch axis: [C, H, W] or [N]. */
    public int[] dims() {
        return flat ? new int[] {channels} : new int[] {channels, height, width};
    }

    public long elements() {
        return (long) channels * height * width;
    }

    /** The papers' notation: 35x35x288, or 1000 for a vector. */
    @Override
    public String toString() {
        return flat ? Integer.toString(channels) : height + "x" + width + "x" + channels;
    }
}
