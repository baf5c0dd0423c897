package dev.incept.spec;

/** What follows a layer: a ReLU, or nothing ("linear" in Java, Kotlin, JSON and the summary alike). */
public enum ActivationKind {
    RELU, LINEAR;

    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
