package dev.incept.spec;

import java.util.List;

public record Dropout(String name, double rate) implements Layer {

    public static final LayerType<Dropout> TYPE = LayerType.of("dropout", Dropout.class, List.of("rate"),
            (in, name) -> new Dropout(name, in.requiredDouble("rate")), (d, out) -> out.put("rate", d.rate()));

    public Dropout {
        name = Naming.orEmpty(name);
    }

    public Dropout named(String name) {
        return new Dropout(name, rate);
    }

    @Override
    public <C, R> R accept(LayerVisitor<C, R> visitor, C at) {
        return visitor.dropout(at, this);
    }

    @Override
    public String defaultName() {
        return "dropout";
    }

    @Override
    public LayerLabel label(Placed at) {
        return LayerLabel.of("dropout " + rate, "dropout");
    }
}
