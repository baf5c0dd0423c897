package dev.incept.spec;

import java.util.List;

/** Layers applied one after another. */
public record Sequence(String name, List<Layer> layers) implements Layer {

    public static final LayerType<Sequence> TYPE = LayerType.of("sequence", Sequence.class, List.of("layers"),
            (in, name) -> new Sequence(name, in.layers("layers")), (s, out) -> out.layers("layers", s.layers()));

    public Sequence {
        name = Naming.orEmpty(name);
        layers = Naming.copyOf(layers, name, "layers");
    }

    public Sequence named(String name) {
        return new Sequence(name, layers);
    }

    @Override
    public <C, R> R accept(LayerVisitor<C, R> visitor, C at) {
        return visitor.sequence(at, this);
    }

    @Override
    public List<Layer> children() {
        return layers;
    }

    @Override
    public String defaultName() {
        return "seq";
    }

    @Override
    public LayerLabel label(Placed at) {
        List<String> parts = new java.util.ArrayList<>();
        for (Placed child : at.children()) {
            // A run of convolutions without the word "conv", as a paper's table writes them.
            parts.add(child.layer() instanceof Conv c ? c.words(child, false) : child.layer().label(child).words());
        }
        return new LayerLabel("sequence", name.isEmpty() ? "sequence" : name, String.join(", then ", parts));
    }
}
