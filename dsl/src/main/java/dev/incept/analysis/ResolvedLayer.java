package dev.incept.analysis;

import dev.incept.spec.FeatureShape;
import dev.incept.spec.Layer;
import dev.incept.spec.LayerLabel;
import dev.incept.spec.Parameter;
import dev.incept.spec.Placed;
import java.util.List;

/**
 * One layer of a network as the analyser resolved it: its path and the path segment it adds, the
 * description it came from, its shapes, its parameters and multiply-adds (children included), the
 * receptive field at its output, and its children in order. Made once, by the analyser; the
 * summary, the JSON analysis, the diagram and the compiler all read it, so none of them names or
 * sizes a layer again. What a layer is, code asks through {@link #accept}
 * or its kind's own facts ({@link #label()}, {@link #parameters()}).
 *
 * <p>A sequence's children are its layers, a concatenation's its branches, a repeat's its copies,
 * a residual's its body and then, when the body's width differs from the input's, an ordinary 1x1
 * {@code Conv} back to the input's width (with a bias, no batch norm, no activation) that the
 * analyser added under the segment {@code project}.
 */
public record ResolvedLayer(String path, String segment, Layer layer, int depth,
                            FeatureShape input, FeatureShape output, long params, long trainableParams, long macs,
                            ReceptiveField field, List<ResolvedLayer> children) implements Placed {

    public ResolvedLayer {
        children = List.copyOf(children);
    }

    /** Hands this layer, with its description cast to its kind, to the visitor's method for that kind. */
    public <R> R accept(ResolvedVisitor<R> visitor) {
        return layer.accept(visitor, this);
    }

    /** Its wordings: the summary's, the diagram's box and a teacher's. */
    public LayerLabel label() {
        return layer.label(this);
    }

    /** Its own parameter tensors, in the order its compiled block holds them. */
    public List<Parameter> parameters() {
        return layer.parameters(this);
    }

    /** Both describe the same kind of layer (both convolutions, both concatenations, ...). */
    public boolean sameKind(ResolvedLayer other) {
        return layer.getClass() == other.layer.getClass();
    }

    /** The summary's words for this layer ("conv 3x3/2 bn"). */
    public String description() {
        return label().summary();
    }

    /** The summary row of this layer. */
    public BlockReport report() {
        return new BlockReport(path, description(), depth, input, output, params, trainableParams, macs, field);
    }
}
