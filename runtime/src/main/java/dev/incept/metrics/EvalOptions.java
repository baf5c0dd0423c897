package dev.incept.metrics;

/**
 * How a test set is evaluated. With {@code mirrored}, test-time augmentation: each prediction is
 * the mean of the class probabilities of the image and of its left-right mirror, which is worth
 * doing only for data trained with random flips (clothes, not digits).
 */
public record EvalOptions(boolean mirrored) {
    public static final EvalOptions SINGLE_VIEW = new EvalOptions(false);
    public static final EvalOptions MIRRORED = new EvalOptions(true);
}
