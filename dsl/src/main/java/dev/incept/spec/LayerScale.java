package dev.incept.spec;

/**
 * A learned scale per channel (CaiT's and ConvNeXt's layer scale, timm's {@code gamma}), starting
 * at {@code init}: a residual branch that starts near 1e-6 lets a deep network start near the identity.
 */
public record LayerScale(String name, double init) implements Layer {
    public LayerScale {
        name = Naming.orEmpty(name);
    }

    public LayerScale named(String name) {
        return new LayerScale(name, init);
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.layerScale(this);
    }
}
