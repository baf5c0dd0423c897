package dev.incept.spec;

import java.util.List;

/** A fully connected layer; a spatial input is flattened first (C*H*W features). */
public record Dense(String name, int units, boolean bias, ActivationKind activation) implements Layer {

    public static final LayerType<Dense> TYPE = LayerType.of("dense", Dense.class, List.of("units", "bias", "activation"),
            (in, name) -> new Dense(name, in.requiredInt("units"), in.optBool("bias", true), in.activation(ActivationKind.LINEAR)),
            (d, out) -> {
                out.put("units", d.units());
                out.put("bias", d.bias());
                out.activation(d.activation());
            });

    public Dense {
        name = Naming.orEmpty(name);
        activation = activation == null ? ActivationKind.LINEAR : activation;
    }

    public Dense named(String name) {
        return new Dense(name, units, bias, activation);
    }

    @Override
    public <C, R> R accept(LayerVisitor<C, R> visitor, C at) {
        return visitor.dense(at, this);
    }

    @Override
    public String defaultName() {
        return "dense";
    }

    @Override
    public LayerLabel label(Placed at) {
        String features = at.input().elements() + "->" + units;
        String act = Words.after(activation, ActivationKind.LINEAR);
        return new LayerLabel("dense " + features + act, "dense · " + units + act, "dense " + features);
    }

    @Override
    public List<Parameter> parameters(Placed at) {
        List<Parameter> out = new java.util.ArrayList<>(List.of(Parameter.of(ParameterRole.DENSE_WEIGHT, units, at.input().elements())));
        if (bias) {
            out.addAll(Parameter.perChannel(at, ParameterRole.DENSE_BIAS));
        }
        return out;
    }

    public Dense relu() {
        return new Dense(name, units, bias, ActivationKind.RELU);
    }

    /** Keras's Dense(units, activation=...): softmax only as a network's last layer. */
    public Dense activation(ActivationKind a) {
        return new Dense(name, units, bias, a);
    }

    public Dense bias(boolean on) {
        return new Dense(name, units, on, activation);
    }
}
