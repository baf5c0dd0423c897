package dev.incept.spec;

import java.util.List;

/** Layers applied one after another. */
public record Sequence(String name, List<Layer> layers) implements Layer {
    public Sequence {
        name = Naming.orEmpty(name);
        layers = Naming.copyOf(layers, name, "layers");
    }

    public Sequence named(String name) {
        return new Sequence(name, layers);
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.sequence(this);
    }
}
