package dev.incept.compile;

import dev.incept.analysis.Analysis;
import dev.incept.analysis.ResolvedAux;
import dev.incept.analysis.ResolvedLayer;
import dev.incept.spec.Parameter;
import dev.incept.spec.ParameterRole;
import java.util.ArrayList;
import java.util.List;

/**
 * Which layer of the resolved tree, and which of its tensors, each parameter of a compiled network
 * is, in the order {@code block.getParameters()} lists them (compiled without sibling fusion): the
 * main network's leaves depth-first, then each aux head's. A convolution holds its weight, its bias
 * when it has one, then batch norm's scale, shift, running mean and running variance; a dense layer
 * its weight and bias. Whatever pairs tensors with layers (published weights, an ONNX export) reads
 * this one walk; what each layer holds, its kind says ({@link dev.incept.spec.Layer#parameters}).
 */
public final class ParameterSlots {
    /**
     * One parameter: its layer, its role, the aux head it belongs to ({@code null} in the main
     * network), and its shape in PyTorch's layout (out x in x kh x kw for a convolution, out x in
     * for a dense layer, one value per channel for the rest).
     */
    public record Slot(ResolvedLayer layer, ParameterRole role, String auxHead, List<Long> dims) {
        public Slot {
            dims = List.copyOf(dims);
        }

        public long[] shape() {
            return dims.stream().mapToLong(Long::longValue).toArray();
        }
    }

    private ParameterSlots() {
    }

    /** Every parameter slot of the analysed network, main network first, then the aux heads in order. */
    public static List<Slot> of(Analysis a) {
        List<Slot> out = new ArrayList<>();
        add(a.layers(), null, out);
        for (ResolvedAux head : a.aux()) {
            add(head.layers(), head.name(), out);
        }
        return out;
    }

    /** The layers that hold parameters, in the order the compiled blocks hold them. */
    public static List<ResolvedLayer> leaves(List<ResolvedLayer> layers) {
        List<ResolvedLayer> into = new ArrayList<>();
        collect(layers, into);
        return into;
    }

    private static void collect(List<ResolvedLayer> layers, List<ResolvedLayer> into) {
        for (ResolvedLayer l : layers) {
            if (l.children().isEmpty()) {
                into.add(l);
            } else {
                collect(l.children(), into);
            }
        }
    }

    private static void add(List<ResolvedLayer> layers, String aux, List<Slot> out) {
        for (ResolvedLayer l : leaves(layers)) {
            for (Parameter p : l.parameters()) {
                out.add(new Slot(l, p.role(), aux, p.dims()));
            }
        }
    }
}
