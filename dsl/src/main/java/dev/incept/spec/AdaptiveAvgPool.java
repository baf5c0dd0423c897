package dev.incept.spec;

import java.util.List;

/**
 * Average pooling to a fixed grid whatever the input's size, as PyTorch's AdaptiveAvgPool2d: output
 * row i averages input rows floor(i*H/h) to ceil((i+1)*H/h) (columns alike), so windows may differ in
 * size and overlap, and an output larger than the input repeats input cells. torchvision's aux heads use it, which is why their size does not change with
 * the input's.
 */
public record AdaptiveAvgPool(String name, int height, int width) implements Layer {

    public static final LayerType<AdaptiveAvgPool> TYPE = LayerType.of("adaptiveavgpool", AdaptiveAvgPool.class, List.of("output"),
            (in, name) -> {
                int[] out = in.pair("output");
                return new AdaptiveAvgPool(name, out[0], out[1]);
            }, (a, out) -> out.pair("output", a.height(), a.width()));

    public AdaptiveAvgPool {
        name = Naming.orEmpty(name);
    }

    public AdaptiveAvgPool named(String name) {
        return new AdaptiveAvgPool(name, height, width);
    }

    @Override
    public <C, R> R accept(LayerVisitor<C, R> visitor, C at) {
        return visitor.adaptiveAvgPool(at, this);
    }

    @Override
    public String defaultName() {
        return "adaptive_avgpool";
    }

    @Override
    public LayerLabel label(Placed at) {
        String grid = height + "x" + width;
        return new LayerLabel("adaptive avgpool to " + grid, "adaptive avgpool " + grid, "adaptive pool to " + grid);
    }
}
