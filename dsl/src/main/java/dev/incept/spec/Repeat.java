package dev.incept.spec;

import java.util.List;

/** {@code times} copies of a block in sequence, each with its own weights; paths are name/1..name/times. */
public record Repeat(String name, int times, Layer body) implements Layer {

    public static final LayerType<Repeat> TYPE = LayerType.of("repeat", Repeat.class, List.of("times", "body"),
            (in, name) -> new Repeat(name, in.requiredInt("times"), in.layer("body")), (r, out) -> {
                out.put("times", r.times());
                out.layer("body", r.body());
            });

    public Repeat {
        name = Naming.orEmpty(name);
        if (body == null) {
            throw new SpecException(name, "repeated body must not be null");
        }
    }

    public Repeat named(String name) {
        return new Repeat(name, times, body);
    }

    @Override
    public <C, R> R accept(LayerVisitor<C, R> visitor, C at) {
        return visitor.repeat(at, this);
    }

    @Override
    public List<Layer> children() {
        return List.of(body);
    }

    @Override
    public String defaultName() {
        return "repeat";
    }

    @Override
    public LayerLabel label(Placed at) {
        Placed first = at.children().get(0);
        return new LayerLabel("repeat x" + times, (name.isEmpty() ? "repeat" : name) + " x " + times,
                at.children().size() + " x " + first.layer().label(first).words());
    }
}
