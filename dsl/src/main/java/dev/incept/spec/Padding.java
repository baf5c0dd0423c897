package dev.incept.spec;

/**
 * How a convolution or pooling window is padded.
 *
 * <p>{@link Same} pads symmetrically by (k-1)/2, which for odd kernels gives TensorFlow's "same"
 * output size ceil(in/stride) while staying expressible in engines that only pad symmetrically;
 * an even kernel with {@code Same} is rejected rather than silently padded on one side.
 */
public sealed interface Padding {
    Padding SAME = new Same();
    Padding VALID = new Valid();

    static Padding explicit(int height, int width) {
        return new Explicit(height, width);
    }

    record Same() implements Padding {
    }

    record Valid() implements Padding {
    }

    record Explicit(int height, int width) implements Padding {
    }
}
