package dev.incept.spec;

import java.util.List;

/**
 * Batch norm on its own (Keras's BatchNormalization(), PyTorch's BatchNorm2d/1d): a learned scale
 * and shift per channel over a spatial or flat input, with running statistics for inference.
 * Keras counts the scale and shift as trainable and the two statistics as non-trainable; PyTorch
 * counts the first two and keeps the statistics as buffers.
 */
public record BatchNorm(String name, double epsilon, double momentum) implements Layer {

    public static final LayerType<BatchNorm> TYPE = LayerType.of("batchnorm", BatchNorm.class, List.of("epsilon", "momentum"),
            (in, name) -> new BatchNorm(name, in.optDouble("epsilon", BatchNorm.KERAS_EPSILON), in.optDouble("momentum", BatchNorm.KERAS_MOMENTUM)),
            (b, out) -> {
                out.put("epsilon", b.epsilon());
                out.put("momentum", b.momentum());
            });

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
    public <C, R> R accept(LayerVisitor<C, R> visitor, C at) {
        return visitor.batchNorm(at, this);
    }

    @Override
    public String defaultName() {
        return "batchnorm";
    }

    @Override
    public LayerLabel label(Placed at) {
        return LayerLabel.of("batchnorm", "batch norm over " + at.output().channels() + " channels");
    }

    @Override
    public List<Parameter> parameters(Placed at) {
        return Parameter.perChannel(at, ParameterRole.BN_SCALE, ParameterRole.BN_SHIFT, ParameterRole.BN_MEAN, ParameterRole.BN_VARIANCE);
    }

    public BatchNorm epsilon(double e) {
        return new BatchNorm(name, e, momentum);
    }

    public BatchNorm momentum(double m) {
        return new BatchNorm(name, epsilon, m);
    }
}
