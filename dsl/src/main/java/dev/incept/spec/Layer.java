package dev.incept.spec;

/**
 * One block of a network description. Every implementation is an immutable record; an empty
 * name means "name me after my kind and position" (see {@link Naming}).
 */
public sealed interface Layer permits Conv, Pool, GlobalPool, AdaptiveAvgPool, Dropout, Dense, Sequence, Concat, Residual, Repeat,
        BatchNorm, Activation, Flatten, Lrn, DepthwiseConv, SeparableConv,
        ChannelSplit, LayerNorm, LayerScale, SqueezeExcite {
    String name();

    /** A copy of this layer carrying the given name. */
    Layer named(String name);

    <R> R accept(LayerVisitor<R> visitor);
}
