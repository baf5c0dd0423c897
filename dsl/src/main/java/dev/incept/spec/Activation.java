package dev.incept.spec;

import java.util.List;

/** An activation as a layer of its own (Keras's Activation('relu'), PyTorch's nn.ReLU()). */
public record Activation(String name, ActivationKind kind) implements Layer {

    public static final LayerType<Activation> TYPE = LayerType.of("activation", Activation.class, List.of("activation"),
            (in, name) -> new Activation(name, in.enumValue("activation", ActivationKind.class)), (a, out) -> out.activation(a.kind()));

    public Activation {
        name = Naming.orEmpty(name);
        kind = kind == null ? ActivationKind.RELU : kind;
    }

    public Activation named(String name) {
        return new Activation(name, kind);
    }

    @Override
    public <C, R> R accept(LayerVisitor<C, R> visitor, C at) {
        return visitor.activation(at, this);
    }

    @Override
    public String defaultName() {
        return kind.jsonName();
    }

    @Override
    public LayerLabel label(Placed at) {
        String text = kind == ActivationKind.LINEAR ? "identity" : kind.jsonName();
        return LayerLabel.of(text, kind == ActivationKind.LINEAR ? "identity" : text + " activation");
    }
}
