package dev.incept.spec;

/**
 * out = activation(x + scale * body(x)). With {@code project} the body's output passes through a
 * 1x1 linear convolution with bias (no batch norm) back to the input's width, as in
 * Inception-ResNet; without it the body must already keep the width.
 */
public record Residual(String name, Layer body, boolean project, double scale, ActivationKind activation) implements Layer {
    public Residual {
        name = Naming.orEmpty(name);
        if (body == null) {
            throw new SpecException(name, "residual body must not be null");
        }
        activation = activation == null ? ActivationKind.RELU : activation;
    }

    public Residual named(String name) {
        return new Residual(name, body, project, scale, activation);
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.residual(this);
    }

    public Residual scale(double s) {
        return new Residual(name, body, project, s, activation);
    }

    public Residual activation(ActivationKind a) {
        return new Residual(name, body, project, scale, a);
    }

    /** No activation after the sum, as in Inception-ResNet-v2's last block. */
    public Residual linear() {
        return activation(ActivationKind.LINEAR);
    }
}
