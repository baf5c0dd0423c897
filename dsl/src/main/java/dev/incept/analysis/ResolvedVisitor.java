package dev.incept.analysis;

import dev.incept.spec.Activation;
import dev.incept.spec.AdaptiveAvgPool;
import dev.incept.spec.BatchNorm;
import dev.incept.spec.Concat;
import dev.incept.spec.Conv;
import dev.incept.spec.Dense;
import dev.incept.spec.DepthwiseConv;
import dev.incept.spec.Dropout;
import dev.incept.spec.Flatten;
import dev.incept.spec.GlobalPool;
import dev.incept.spec.LayerNorm;
import dev.incept.spec.LayerScale;
import dev.incept.spec.Lrn;
import dev.incept.spec.Pool;
import dev.incept.spec.Repeat;
import dev.incept.spec.Residual;
import dev.incept.spec.SeparableConv;
import dev.incept.spec.Sequence;
import dev.incept.spec.ChannelSplit;
import dev.incept.spec.SqueezeExcite;

/**
 * One method per kind of layer, each handed the resolved layer ({@code at}: path, shapes, counts,
 * children) and its description already cast. Whatever turns the resolved tree into something else
 * (the compiler, ONNX, the diagram, the labels, the parameter slots) implements it, so a new kind
 * of layer does not compile until each of them handles it.
 */
public interface ResolvedVisitor<R> {
    R conv(ResolvedLayer at, Conv conv);

    R pool(ResolvedLayer at, Pool pool);

    R globalPool(ResolvedLayer at, GlobalPool pool);

    R adaptiveAvgPool(ResolvedLayer at, AdaptiveAvgPool pool);

    R dropout(ResolvedLayer at, Dropout dropout);

    R dense(ResolvedLayer at, Dense dense);

    R sequence(ResolvedLayer at, Sequence sequence);

    R concat(ResolvedLayer at, Concat concat);

    R residual(ResolvedLayer at, Residual residual);

    R repeat(ResolvedLayer at, Repeat repeat);

    R batchNorm(ResolvedLayer at, BatchNorm batchNorm);

    R activation(ResolvedLayer at, Activation activation);

    R flatten(ResolvedLayer at, Flatten flatten);

    R lrn(ResolvedLayer at, Lrn lrn);

    R depthwiseConv(ResolvedLayer at, DepthwiseConv conv);

    R separableConv(ResolvedLayer at, SeparableConv conv);

    R split(ResolvedLayer at, ChannelSplit split);

    R layerNorm(ResolvedLayer at, LayerNorm norm);

    R layerScale(ResolvedLayer at, LayerScale scale);

    R squeezeExcite(ResolvedLayer at, SqueezeExcite gate);
}
