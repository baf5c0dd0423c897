package dev.incept.spec;

/**
 * Batch norm on its own (Keras's BatchNormalization(), PyTorch's BatchNorm2d/1d): a learned scale
 * and shift per channel over a spatial or flat input, with running statistics for inference.
 * Keras counts the scale and shift as trainable and the two statistics as non-trainable; PyTorch
 * counts the first two and keeps the statistics as buffers.
 */
public record BatchNorm(String name, double epsilon, double momentum) implements Layer {
    /** Keras's defaults: epsilon 1e-3, and the running statistics keep 0.99 of their value per batch. */
    public static final double KERAS_EPSILON = 1e-3;
    public static final double KERAS_MOMENTUM = 0.99;

    public BatchNorm {
        name = Naming.orEmpty(name);
    }

    public BatchNorm named(String name) {
        return new BatchNorm(name, epsilon, momentum);
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.batchNorm(this);
    }

    public BatchNorm epsilon(double e) {
        return new BatchNorm(name, e, momentum);
    }

    public BatchNorm momentum(double m) {
        return new BatchNorm(name, epsilon, m);
    }
}
