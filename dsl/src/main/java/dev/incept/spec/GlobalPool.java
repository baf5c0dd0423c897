package dev.incept.spec;

import java.util.List;

/** Pools each channel over the whole grid; the output is a flat vector of channels. */
public record GlobalPool(String name, PoolKind kind) implements Layer {

    public static final LayerType<GlobalPool> TYPE = LayerType.of("globalpool", GlobalPool.class, List.of("kind"),
            (in, name) -> new GlobalPool(name, in.has("kind") ? in.enumValue("kind", PoolKind.class) : PoolKind.AVG),
            (g, out) -> out.put("kind", g.kind().jsonName()));

    public GlobalPool {
        name = Naming.orEmpty(name);
        kind = kind == null ? PoolKind.AVG : kind;
    }

    public GlobalPool named(String name) {
        return new GlobalPool(name, kind);
    }

    @Override
    public <C, R> R accept(LayerVisitor<C, R> visitor, C at) {
        return visitor.globalPool(at, this);
    }

    @Override
    public String defaultName() {
        return kind == PoolKind.MAX ? "global_maxpool" : "global_avgpool";
    }

    @Override
    public LayerLabel label(Placed at) {
        return LayerLabel.of("global " + kind.jsonName() + "pool", "global pool");
    }
}
