package dev.incept.spec;

public enum PoolKind {
    MAX, AVG;

    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
