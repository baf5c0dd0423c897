package dev.incept.spec;

/** Pools each channel over the whole grid; the output is a flat vector of channels. */
public record GlobalPool(String name, PoolKind kind) implements Layer {
    public GlobalPool {
        name = Naming.orEmpty(name);
        kind = kind == null ? PoolKind.AVG : kind;
    }

    public GlobalPool named(String name) {
        return new GlobalPool(name, kind);
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.globalPool(this);
    }
}
