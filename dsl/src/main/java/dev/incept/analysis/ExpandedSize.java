package dev.incept.analysis;

import dev.incept.spec.Activation;
import dev.incept.spec.AdaptiveAvgPool;
import dev.incept.spec.BatchNorm;
import dev.incept.spec.ChannelSplit;
import dev.incept.spec.Concat;
import dev.incept.spec.Conv;
import dev.incept.spec.Dense;
import dev.incept.spec.DepthwiseConv;
import dev.incept.spec.Dropout;
import dev.incept.spec.Flatten;
import dev.incept.spec.GlobalPool;
import dev.incept.spec.Layer;
import dev.incept.spec.LayerNorm;
import dev.incept.spec.LayerScale;
import dev.incept.spec.LayerVisitor;
import dev.incept.spec.Lrn;
import dev.incept.spec.Pool;
import dev.incept.spec.Repeat;
import dev.incept.spec.Residual;
import dev.incept.spec.SeparableConv;
import dev.incept.spec.Sequence;
import dev.incept.spec.SqueezeExcite;
import java.util.List;

/**
 * How many layers a description resolves to once its repeats are unrolled, counted on the
 * description itself: a few kilobytes of nested repeats can stand for 2^40 layers, and the
 * analyser must refuse them before it builds any. Saturates at {@link Long#MAX_VALUE}.
 */
final class ExpandedSize implements LayerVisitor<Long> {
    /** More resolved layers than any real network has by two orders of magnitude (the zoo's largest: a few thousand). */
    static final long MAX_LAYERS = 200_000;

    private static final ExpandedSize INSTANCE = new ExpandedSize();

    static long of(Layer layer) {
        return layer.accept(INSTANCE);
    }

    private static long plus(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }

    private static long times(long a, long b) {
        return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }

    private static long all(List<Layer> layers) {
        long n = 1;
        for (Layer l : layers) {
            n = plus(n, of(l));
        }
        return n;
    }

    public Long conv(Conv c) { return 1L; }
    public Long pool(Pool p) { return 1L; }
    public Long globalPool(GlobalPool p) { return 1L; }
    public Long adaptiveAvgPool(AdaptiveAvgPool p) { return 1L; }
    public Long dropout(Dropout d) { return 1L; }
    public Long dense(Dense d) { return 1L; }
    public Long batchNorm(BatchNorm b) { return 1L; }
    public Long activation(Activation a) { return 1L; }
    public Long flatten(Flatten f) { return 1L; }
    public Long lrn(Lrn l) { return 1L; }
    public Long depthwiseConv(DepthwiseConv c) { return 1L; }
    public Long separableConv(SeparableConv c) { return 1L; }
    public Long layerNorm(LayerNorm n) { return 1L; }
    public Long layerScale(LayerScale s) { return 1L; }
    public Long squeezeExcite(SqueezeExcite s) { return 1L; }
    public Long sequence(Sequence s) { return all(s.layers()); }
    public Long concat(Concat c) { return all(c.branches()); }
    public Long split(ChannelSplit s) { return all(s.branches()); }

    public Long residual(Residual r) {
        // body, shortcut and the projection the analyser adds
        return plus(plus(3, of(r.body())), r.shortcut() == null ? 0 : of(r.shortcut()));
    }

    public Long repeat(Repeat r) {
        return plus(1, times(Math.max(0, r.times()), of(r.body())));
    }
}
