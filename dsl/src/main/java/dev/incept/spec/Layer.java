package dev.incept.spec;

import java.util.List;

/**
 * One block of a network description. Every implementation is an immutable record that states
 * what its kind is, once: its children, its file form ({@code public static final LayerType TYPE}),
 * its default path segment, its label and its parameters. Code that differs by kind implements
 * {@link LayerVisitor}; everything else walks {@link #children()}. An empty name means "name me
 * after my kind and position" (see {@link Naming}).
 */
public sealed interface Layer permits Conv, Pool, GlobalPool, AdaptiveAvgPool, Dropout, Dense, Sequence, Concat, Residual, Repeat,
        BatchNorm, Activation, Flatten, Lrn, DepthwiseConv, SeparableConv,
        ChannelSplit, LayerNorm, LayerScale, SqueezeExcite, GroupNorm {
    String name();

    /** A copy of this layer carrying the given name. */
    Layer named(String name);

    <C, R> R accept(LayerVisitor<C, R> visitor, C at);

    /** The layers this one holds, as written (a repeat's body once, a residual's body then its shortcut). */
    default List<Layer> children() {
        return List.of();
    }

    /** The path segment of an unnamed layer in a sequence, before numbering ("conv3x3", "maxpool"). */
    String defaultName();

    /** Its wordings where the analysis placed it. */
    LayerLabel label(Placed at);

    /** Its own parameter tensors where the analysis placed it (not its children's), in the compiled block's order. */
    default List<Parameter> parameters(Placed at) {
        return List.of();
    }
}
