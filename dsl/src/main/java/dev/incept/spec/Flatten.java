package dev.incept.spec;

/** A spatial input as one flat vector of channels x height x width values (Keras's Flatten()). */
public record Flatten(String name) implements Layer {
    public Flatten {
        name = Naming.orEmpty(name);
    }

    public Flatten named(String name) {
        return new Flatten(name);
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.flatten(this);
    }
}
