package dev.incept.spec;

/**
 * One method per kind of layer. Analysis, JSON, naming and the DJL compiler each implement it, so
 * adding a layer kind fails to compile everywhere it must be handled.
 */
public interface LayerVisitor<R> {
    R conv(Conv conv);

    R pool(Pool pool);

    R globalPool(GlobalPool pool);

    R dropout(Dropout dropout);

    R dense(Dense dense);

    R sequence(Sequence sequence);

    R concat(Concat concat);

    R residual(Residual residual);

    R repeat(Repeat repeat);
}
