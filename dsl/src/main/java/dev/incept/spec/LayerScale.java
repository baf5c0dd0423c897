package dev.incept.spec;

import java.util.List;

/**
 * A learned scale per channel (CaiT's and ConvNeXt's layer scale, timm's {@code gamma}), starting
 * at {@code init}: a residual branch that starts near 1e-6 lets a deep network start near the identity.
 */
public record LayerScale(String name, double init) implements Layer {

    public static final LayerType<LayerScale> TYPE = LayerType.of("layerscale", LayerScale.class, List.of("init"),
            (in, name) -> new LayerScale(name, in.optDouble("init", 1e-6)), (l, out) -> out.put("init", l.init()));

    public LayerScale {
        name = Naming.orEmpty(name);
    }

    public LayerScale named(String name) {
        return new LayerScale(name, init);
    }

    @Override
    public <C, R> R accept(LayerVisitor<C, R> visitor, C at) {
        return visitor.layerScale(at, this);
    }

    @Override
    public String defaultName() {
        return "layerscale";
    }

    @Override
    public LayerLabel label(Placed at) {
        return new LayerLabel("layerscale " + init, "layerscale", "layer scale over " + at.output().channels() + " channels");
    }

    @Override
    public List<Parameter> parameters(Placed at) {
        return Parameter.perChannel(at, ParameterRole.LAYER_SCALE);
    }
}
