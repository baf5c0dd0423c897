package dev.incept.spec;

public record Dropout(String name, double rate) implements Layer {
    public Dropout {
        name = Naming.orEmpty(name);
    }

    public Dropout named(String name) {
        return new Dropout(name, rate);
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.dropout(this);
    }
}
