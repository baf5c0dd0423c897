package dev.incept.spec;

/** An activation as a layer of its own (Keras's Activation('relu'), PyTorch's nn.ReLU()). */
public record Activation(String name, ActivationKind kind) implements Layer {
    public Activation {
        name = Naming.orEmpty(name);
        kind = kind == null ? ActivationKind.RELU : kind;
    }

    public Activation named(String name) {
        return new Activation(name, kind);
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.activation(this);
    }
}
