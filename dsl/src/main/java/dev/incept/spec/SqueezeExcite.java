package dev.incept.spec;

import java.util.List;

/**
 * Squeeze-and-excitation (Hu et al., SENet): each channel times a gate in (0, 1) computed from the
 * whole grid, x * sigmoid(W2 act(W1 mean(x) + b1) + b2), with W1 squeezing C channels to
 * C / {@code reduction} (SENet: 16, ReLU). Stored as timm's and torchvision's 1x1 convolutions
 * with biases, so its weights load by their names.
 */
public record SqueezeExcite(String name, int reduction, ActivationKind activation) implements Layer {

    public static final LayerType<SqueezeExcite> TYPE = LayerType.of("se", SqueezeExcite.class, List.of("reduction", "activation"),
            (in, name) -> new SqueezeExcite(name, in.optInt("reduction", SqueezeExcite.SENET_REDUCTION), in.activation(ActivationKind.RELU)),
            (s, out) -> {
                out.put("reduction", s.reduction());
                out.activation(s.activation());
            });

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
    public <C, R> R accept(LayerVisitor<C, R> visitor, C at) {
        return visitor.squeezeExcite(at, this);
    }

    @Override
    public String defaultName() {
        return "se";
    }

    @Override
    public LayerLabel label(Placed at) {
        int c = at.output().channels();
        return new LayerLabel("se /" + reduction + Words.after(activation, ActivationKind.RELU), "se " + c + ">" + hidden(c) + ">" + c,
                "squeeze-and-excitation gate squeezing " + c + " channels to " + hidden(c));
    }

    /** Two 1x1 convolutions with biases on the pooled channels, as timm and torchvision store SENet's two FC layers. */
    @Override
    public List<Parameter> parameters(Placed at) {
        int c = at.input().channels();
        int h = hidden(c);
        return List.of(Parameter.of(ParameterRole.GATE_REDUCE_WEIGHT, h, c, 1, 1), Parameter.of(ParameterRole.GATE_REDUCE_BIAS, h),
                Parameter.of(ParameterRole.GATE_EXPAND_WEIGHT, c, h, 1, 1), Parameter.of(ParameterRole.GATE_EXPAND_BIAS, c));
    }
}
