package dev.incept.analysis;

import dev.incept.spec.Layer;
import dev.incept.spec.Repeat;
import dev.incept.spec.Residual;

/**
 * How many layers a description resolves to once its repeats are unrolled, counted on the
 * description itself: a few kilobytes of nested repeats can stand for 2^40 layers, and the
 * analyser must refuse them before it builds any. Saturates at {@link Long#MAX_VALUE}.
 */
final class ExpandedSize {
    /** More resolved layers than any real network has by two orders of magnitude (the zoo's largest: a few thousand). */
    static final long MAX_LAYERS = 200_000;

    private ExpandedSize() {
    }

    static long of(Layer layer) {
        if (layer instanceof Repeat r) {
            return plus(1, times(Math.max(0, r.times()), of(r.body())));
        }
        // A residual resolves to itself, its children and the projection the analyser may add.
        long n = layer instanceof Residual ? 3 : 1;
        for (Layer child : layer.children()) {
            n = plus(n, of(child));
        }
        return n;
    }

    private static long plus(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }

    private static long times(long a, long b) {
        return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }
}
