package dev.incept.spec;

import java.util.List;

/**
 * Layer norm over the channels at each position (over a flat vector's values, as PyTorch's
 * nn.LayerNorm(C); over a grid's channels, as ConvNeXt's LayerNorm2d), with a learned scale and
 * shift per channel. timm's InceptionNeXt head uses epsilon 1e-6.
 */
public record LayerNorm(String name, double epsilon) implements Layer {

    public static final LayerType<LayerNorm> TYPE = LayerType.of("layernorm", LayerNorm.class, List.of("epsilon"),
            (in, name) -> new LayerNorm(name, in.optDouble("epsilon", 1e-6)), (l, out) -> out.put("epsilon", l.epsilon()));

    public LayerNorm {
        name = Naming.orEmpty(name);
    }

    public LayerNorm named(String name) {
        return new LayerNorm(name, epsilon);
    }

    @Override
    public <C, R> R accept(LayerVisitor<C, R> visitor, C at) {
        return visitor.layerNorm(at, this);
    }

    @Override
    public String defaultName() {
        return "layernorm";
    }

    @Override
    public LayerLabel label(Placed at) {
        return LayerLabel.of("layernorm", "layer norm over " + at.output().channels() + " channels");
    }

    @Override
    public List<Parameter> parameters(Placed at) {
        return Parameter.perChannel(at, ParameterRole.NORM_SCALE, ParameterRole.NORM_SHIFT);
    }
}
