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
import dev.incept.spec.FeatureShape;
import dev.incept.spec.GlobalPool;
import dev.incept.spec.LayerNorm;
import dev.incept.spec.LayerScale;
import dev.incept.spec.SqueezeExcite;
import dev.incept.spec.Lrn;
import dev.incept.spec.Layer;
import dev.incept.spec.LayerVisitor;
import dev.incept.spec.Pool;
import dev.incept.spec.Repeat;
import dev.incept.spec.Residual;
import dev.incept.spec.SeparableConv;
import dev.incept.spec.Sequence;
import dev.incept.spec.ChannelSplit;
import java.util.List;

/**
 * One layer of a network as the analyser resolved it: its path and the path segment it adds, the
 * description it came from, its shapes, its parameters and multiply-adds (children included), the
 * receptive field at its output, and its children in order. Made once, by the analyser; the
 * summary, the JSON analysis, the diagram and the compiler all read it, so none of them names or
 * sizes a layer again. What a layer is, code asks through {@link #accept}.
 *
 * <p>A sequence's children are its layers, a concatenation's its branches, a repeat's its copies,
 * a residual's its body and then, when the body's width differs from the input's, an ordinary 1x1
 * {@code Conv} back to the input's width (with a bias, no batch norm, no activation) that the
 * analyser added under the segment {@code project}.
 */
public record ResolvedLayer(String path, String segment, Layer layer, int depth,
                            FeatureShape input, FeatureShape output, long params, long trainableParams, long macs,
                            ReceptiveField field, List<ResolvedLayer> children) {

    public ResolvedLayer {
        children = List.copyOf(children);
    }

    /** Hands this layer, with its description cast to its kind, to the visitor's method for that kind. */
    public <R> R accept(ResolvedVisitor<R> visitor) {
        ResolvedLayer at = this;
        return layer.accept(new LayerVisitor<R>() {
            public R conv(Conv c) {
                return visitor.conv(at, c);
            }

            public R pool(Pool p) {
                return visitor.pool(at, p);
            }

            public R globalPool(GlobalPool g) {
                return visitor.globalPool(at, g);
            }

            public R adaptiveAvgPool(AdaptiveAvgPool a) {
                return visitor.adaptiveAvgPool(at, a);
            }

            public R dropout(Dropout d) {
                return visitor.dropout(at, d);
            }

            public R dense(Dense d) {
                return visitor.dense(at, d);
            }

            public R sequence(Sequence s) {
                return visitor.sequence(at, s);
            }

            public R concat(Concat c) {
                return visitor.concat(at, c);
            }

            public R residual(Residual r) {
                return visitor.residual(at, r);
            }

            public R repeat(Repeat r) {
                return visitor.repeat(at, r);
            }

            public R batchNorm(BatchNorm b) {
                return visitor.batchNorm(at, b);
            }

            public R activation(Activation a) {
                return visitor.activation(at, a);
            }

            public R flatten(Flatten f) {
                return visitor.flatten(at, f);
            }

            public R lrn(Lrn l) {
                return visitor.lrn(at, l);
            }

            public R depthwiseConv(DepthwiseConv c) {
                return visitor.depthwiseConv(at, c);
            }

            public R separableConv(SeparableConv c) {
                return visitor.separableConv(at, c);
            }

            public R split(ChannelSplit s) {
                return visitor.split(at, s);
            }

            public R layerNorm(LayerNorm n) {
                return visitor.layerNorm(at, n);
            }

            public R layerScale(LayerScale s) {
                return visitor.layerScale(at, s);
            }

            public R squeezeExcite(SqueezeExcite s) {
                return visitor.squeezeExcite(at, s);
            }
        });
    }

    /** Both describe the same kind of layer (both convolutions, both concatenations, ...). */
    public boolean sameKind(ResolvedLayer other) {
        return layer.getClass() == other.layer.getClass();
    }

    /** The summary's words for this layer ("conv 3x3/2 bn"). */
    public String description() {
        return LayerLabels.of(this).summary();
    }

    /** The summary row of this layer. */
    public BlockReport report() {
        return new BlockReport(path, description(), depth, input, output, params, trainableParams, macs, field);
    }
}
