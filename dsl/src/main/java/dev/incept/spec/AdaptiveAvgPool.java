package dev.incept.spec;

/**
 * Average pooling to a fixed grid whatever the input's size, as PyTorch's AdaptiveAvgPool2d: output
 * row i averages input rows floor(i*H/h) to ceil((i+1)*H/h) (columns alike), so windows may differ in
 * size and overlap, and an output larger than the input repeats input cells. torchvision's aux heads use it, which is why their size does not change with
 * the input's.
 */
public record AdaptiveAvgPool(String name, int height, int width) implements Layer {
    public AdaptiveAvgPool {
        name = Naming.orEmpty(name);
    }

    public AdaptiveAvgPool named(String name) {
        return new AdaptiveAvgPool(name, height, width);
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.adaptiveAvgPool(this);
    }
}
