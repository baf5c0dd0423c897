package dev.incept.spec;

/**
 * Layer norm over the channels at each position (over a flat vector's values, as PyTorch's
 * nn.LayerNorm(C); over a grid's channels, as ConvNeXt's LayerNorm2d), with a learned scale and
 * shift per channel. timm's InceptionNeXt head uses epsilon 1e-6.
 */
public record LayerNorm(String name, double epsilon) implements Layer {
    public LayerNorm {
        name = Naming.orEmpty(name);
    }

    public LayerNorm named(String name) {
        return new LayerNorm(name, epsilon);
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.layerNorm(this);
    }
}
