package dev.incept.analysis;

import dev.incept.spec.Layer;
import dev.incept.spec.FeatureShape;
import java.util.List;

/**
 * One layer of a network as the analyser resolved it: its path and the path segment it adds, what
 * it is, the description it came from, its shapes, its parameters and multiply-adds (children
 * included), the receptive field at its output, and its children in order. Made once, by the
 * analyser; the summary, the JSON analysis, the diagram and the compiler all read it, so none of
 * them names or sizes a layer again.
 *
 * <p>A sequence's children are its layers, a concatenation's its branches, a repeat's its copies,
 * a residual's its body and then, when the body's width differs from the input's, an ordinary 1x1
 * {@code Conv} back to the input's width (with a bias, no batch norm, no activation) that the
 * analyser added under the segment {@code project}.
 */
public record ResolvedLayer(String path, String segment, LayerKind kind, Layer layer, int depth,
                            FeatureShape input, FeatureShape output, long params, long trainableParams, long macs,
                            ReceptiveField field, String description, List<ResolvedLayer> children) {

    public ResolvedLayer {
        children = List.copyOf(children);
    }

    /** The summary row of this layer. */
    public BlockReport report() {
        return new BlockReport(path, description, depth, input, output, params, trainableParams, macs, field);
    }
}
