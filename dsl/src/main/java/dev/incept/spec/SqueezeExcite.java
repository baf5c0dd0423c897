package dev.incept.spec;

/**
 * Squeeze-and-excitation (Hu et al., SENet): each channel times a gate in (0, 1) computed from the
 * whole grid, x * sigmoid(W2 act(W1 mean(x) + b1) + b2), with W1 squeezing C channels to
 * C / {@code reduction} (SENet: 16, ReLU). Stored as timm's and torchvision's 1x1 convolutions
 * with biases, so its weights load by their names.
 */
public record SqueezeExcite(String name, int reduction, ActivationKind activation) implements Layer {
    public static final int SENET_REDUCTION = 16;

    public SqueezeExcite {
        name = Naming.orEmpty(name);
        if (activation == null) {
            throw new SpecException(name, "a squeeze-and-excitation gate needs an activation");
        }
    }

    public SqueezeExcite named(String name) {
        return new SqueezeExcite(name, reduction, activation);
    }

    public SqueezeExcite activation(ActivationKind kind) {
        return new SqueezeExcite(name, reduction, kind);
    }

    /** The squeezed width on {@code channels} input channels: C / reduction, at least one. */
    public int hidden(int channels) {
        return Math.max(1, channels / reduction);
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.squeezeExcite(this);
    }
}
