package dev.incept.compile;

import dev.incept.analysis.Analysis;
import dev.incept.analysis.LayerKind;
import dev.incept.analysis.ResolvedAux;
import dev.incept.analysis.ResolvedLayer;
import dev.incept.spec.Conv;
import dev.incept.spec.Dense;
import java.util.ArrayList;
import java.util.List;

/**
 * Which layer of the resolved tree, and which of its tensors, each parameter of a compiled network
 * is, in the order {@code block.getParameters()} lists them (compiled without sibling fusion): the
 * main network's leaves depth-first, then each aux head's. A convolution holds its weight, its bias
 * when it has one, then batch norm's scale, shift, running mean and running variance; a dense layer
 * its weight and bias. Whatever pairs tensors with layers (published weights, an ONNX export) reads
 * this one walk.
 */
public final class ParameterSlots {
    /** What a parameter is to its layer. */
    public enum Role { CONV_WEIGHT, CONV_BIAS, BN_SCALE, BN_SHIFT, BN_MEAN, BN_VARIANCE, DENSE_WEIGHT, DENSE_BIAS }

    /**
     * One parameter: its layer, its role, and the aux head it belongs to ({@code null} in the main
     * network).
     */
    public record Slot(ResolvedLayer layer, Role role, String auxHead) {
        /** The tensor's shape, read off the resolved layer (PyTorch's layout: out x in x kh x kw, out x in). */
        public long[] shape() {
            return switch (role) {
                case CONV_WEIGHT -> {
                    Conv c = (Conv) layer.layer();
                    yield new long[] {c.filters(), layer.input().channels(), c.kernelH(), c.kernelW()};
                }
                case DENSE_WEIGHT -> new long[] {((Dense) layer.layer()).units(), layer.input().elements()};
                default -> new long[] {layer.output().channels()};
            };
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
            if (l.kind() == LayerKind.CONV) {
                Conv c = (Conv) l.layer();
                out.add(new Slot(l, Role.CONV_WEIGHT, aux));
                if (c.bias()) {
                    out.add(new Slot(l, Role.CONV_BIAS, aux));
                }
                if (c.batchNorm()) {
                    for (Role r : List.of(Role.BN_SCALE, Role.BN_SHIFT, Role.BN_MEAN, Role.BN_VARIANCE)) {
                        out.add(new Slot(l, r, aux));
                    }
                }
            } else if (l.kind() == LayerKind.DENSE) {
                out.add(new Slot(l, Role.DENSE_WEIGHT, aux));
                if (((Dense) l.layer()).bias()) {
                    out.add(new Slot(l, Role.DENSE_BIAS, aux));
                }
            }
        }
    }
}
