package dev.incept.spec;

/**
 * One method per kind of layer, each handed a context of the caller's choosing ({@code at}: the
 * analyser's input state, the resolved layer for the compiler, ONNX and the tests) and the layer
 * already cast. Only code whose behaviour differs by kind implements it (the analyser, the DJL
 * compiler, the ONNX writer), so a new kind fails to compile in each of them until handled; what
 * every kind states about itself (children, JSON form, default name, label, parameters) is on its
 * record, see {@link Layer}.
 */
public interface LayerVisitor<C, R> {
    R conv(C at, Conv conv);

    R pool(C at, Pool pool);

    R globalPool(C at, GlobalPool pool);

    R adaptiveAvgPool(C at, AdaptiveAvgPool pool);

    R dropout(C at, Dropout dropout);

    R dense(C at, Dense dense);

    R sequence(C at, Sequence sequence);

    R concat(C at, Concat concat);

    R residual(C at, Residual residual);

    R repeat(C at, Repeat repeat);

    R batchNorm(C at, BatchNorm batchNorm);

    R activation(C at, Activation activation);

    R flatten(C at, Flatten flatten);

    R lrn(C at, Lrn lrn);

    R depthwiseConv(C at, DepthwiseConv conv);

    R separableConv(C at, SeparableConv conv);

    R split(C at, ChannelSplit split);

    R layerNorm(C at, LayerNorm norm);

    R layerScale(C at, LayerScale scale);

    R squeezeExcite(C at, SqueezeExcite gate);

    R groupNorm(C at, GroupNorm norm);
}
