package dev.incept.spec;

/**
 * One method per kind of layer. The analyser and naming implement it, and
 * {@link dev.incept.analysis.ResolvedLayer#accept} turns it into the resolved tree's visitor that
 * the labels, the diagram, the compiler, ONNX and the parameter slots implement, so a new kind
 * fails to compile in each of them until handled. Three places cannot implement it: the JSON
 * table, the Kotlin builder and the random descriptions of the property tests; for those, tests
 * that compare what they cover with this interface's methods fail instead (EveryLayerKindTest, the
 * Kotlin BuildersTest).
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

    R batchNorm(BatchNorm batchNorm);

    R activation(Activation activation);

    R flatten(Flatten flatten);

    R lrn(Lrn lrn);

    R depthwiseConv(DepthwiseConv conv);

    R separableConv(SeparableConv conv);

    R split(ChannelSplit split);

    R layerNorm(LayerNorm norm);

    R layerScale(LayerScale scale);

    R squeezeExcite(SqueezeExcite gate);
}
