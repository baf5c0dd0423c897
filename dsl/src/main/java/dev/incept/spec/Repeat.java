package dev.incept.spec;

/** {@code times} copies of a block in sequence, each with its own weights; paths are name/1..name/times. */
public record Repeat(String name, int times, Layer body) implements Layer {
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
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.repeat(this);
    }
}
