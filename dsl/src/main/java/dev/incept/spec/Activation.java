package dev.incept.spec;

public enum Activation {
    RELU, NONE;

    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
