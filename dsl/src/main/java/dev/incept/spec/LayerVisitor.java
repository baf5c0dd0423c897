package dev.incept.spec;

/**
 * One method per kind of layer. The analyser, naming and JSON writing implement it, so a new kind
 * fails to compile there until handled (the compiler and the diagram switch over
 * {@code LayerKind} with the same effect). Three places cannot implement it: the JSON reader, the
 * Kotlin builder and the random descriptions of the property tests; for those, tests that compare
 * what they cover with this interface's methods fail instead (EveryLayerKindTest, the Kotlin
 * BuildersTest).
 */
public interface LayerVisitor<R> {
    R conv(Conv conv);

    R pool(Pool pool);

    R globalPool(GlobalPool pool);

    R adaptiveAvgPool(AdaptiveAvgPool pool);

    R dropout(Dropout dropout);

    R dense(Dense dense);

    R sequence(Sequence sequence);

    R concat(Concat concat);

    R residual(Residual residual);

    R repeat(Repeat repeat);
}
