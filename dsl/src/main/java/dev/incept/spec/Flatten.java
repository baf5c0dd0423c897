package dev.incept.spec;

import java.util.List;

/** A spatial input as one flat vector of channels x height x width values (Keras's Flatten()). */
public record Flatten(String name) implements Layer {

    public static final LayerType<Flatten> TYPE = LayerType.of("flatten", Flatten.class, List.of(), (in, name) -> new Flatten(name),
            (f, out) -> { });

    public Flatten {
        name = Naming.orEmpty(name);
    }

    public Flatten named(String name) {
        return new Flatten(name);
    }

    @Override
    public <C, R> R accept(LayerVisitor<C, R> visitor, C at) {
        return visitor.flatten(at, this);
    }

    @Override
    public String defaultName() {
        return "flatten";
    }

    @Override
    public LayerLabel label(Placed at) {
        return new LayerLabel("flatten", "flatten · " + at.output().channels(), "flatten " + at.input() + " to " + at.output().channels());
    }
}
