package dev.incept.spec;

/**
 * out = activation(shortcut(x) + scale * project(body(x))). The shortcut is the identity, or a
 * layer of its own (Xception's strided 1x1 convolution and batch norm, when the body changes the
 * grid or the width). With {@code project} the body's output passes through a 1x1 linear
 * convolution with bias (no batch norm) to the shortcut's width, as in Inception-ResNet; without
 * it the body must already match. Xception and InceptionNeXt add without an activation
 * ({@link ActivationKind#LINEAR}). With {@code dropPath} above 0, training drops the whole branch for
 * that share of the examples and scales it up for the rest (stochastic depth); inference keeps it.
 */
public record Residual(String name, Layer body, boolean project, double scale, ActivationKind activation, Layer shortcut,
                       double dropPath) implements Layer {
    public Residual {
        name = Naming.orEmpty(name);
        if (body == null) {
            throw new SpecException(name, "residual body must not be null");
        }
        activation = activation == null ? ActivationKind.RELU : activation;
    }

    /** With the identity shortcut. */
    public Residual(String name, Layer body, boolean project, double scale, ActivationKind activation) {
        this(name, body, project, scale, activation, null, 0);
    }

    public Residual(String name, Layer body, boolean project, double scale, ActivationKind activation, Layer shortcut) {
        this(name, body, project, scale, activation, shortcut, 0);
    }

    public Residual named(String name) {
        return new Residual(name, body, project, scale, activation, shortcut, dropPath);
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.residual(this);
    }

    public Residual scale(double s) {
        return new Residual(name, body, project, s, activation, shortcut, dropPath);
    }

    public Residual activation(ActivationKind a) {
        return new Residual(name, body, project, scale, a, shortcut, dropPath);
    }

    /** No activation after the sum, as in Inception-ResNet-v2's last block. */
    public Residual linear() {
        return activation(ActivationKind.LINEAR);
    }

    /** Stochastic depth: training drops the branch for a share {@code rate} of the examples. */
    public Residual dropPath(double rate) {
        return new Residual(name, body, project, scale, activation, shortcut, rate);
    }

    /** The input reaches the sum through {@code s} instead of unchanged. */
    public Residual shortcut(Layer s) {
        return new Residual(name, body, project, scale, activation, s, dropPath);
    }
}
