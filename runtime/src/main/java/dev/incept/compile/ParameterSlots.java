package dev.incept.compile;

import dev.incept.analysis.Analysis;
import dev.incept.analysis.ResolvedAux;
import dev.incept.analysis.ResolvedLayer;
import dev.incept.analysis.ResolvedVisitor;
import dev.incept.spec.Activation;
import dev.incept.spec.AdaptiveAvgPool;
import dev.incept.spec.BatchNorm;
import dev.incept.spec.Flatten;
import dev.incept.spec.LayerNorm;
import dev.incept.spec.LayerScale;
import dev.incept.spec.SqueezeExcite;
import dev.incept.spec.Lrn;
import dev.incept.spec.Concat;
import dev.incept.spec.Conv;
import dev.incept.spec.Dense;
import dev.incept.spec.DepthwiseConv;
import dev.incept.spec.Dropout;
import dev.incept.spec.GlobalPool;
import dev.incept.spec.Pool;
import dev.incept.spec.Repeat;
import dev.incept.spec.Residual;
import dev.incept.spec.SeparableConv;
import dev.incept.spec.Sequence;
import dev.incept.spec.ChannelSplit;
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
    public enum Role { DEPTHWISE_WEIGHT, CONV_WEIGHT, LN_SCALE, LN_SHIFT, LAYER_SCALE, GATE_REDUCE_WEIGHT, GATE_REDUCE_BIAS, GATE_EXPAND_WEIGHT, GATE_EXPAND_BIAS, CONV_BIAS, BN_SCALE, BN_SHIFT, BN_MEAN, BN_VARIANCE, DENSE_WEIGHT, DENSE_BIAS }

    /**
     * One parameter: its layer, its role, the aux head it belongs to ({@code null} in the main
     * network), and its shape in PyTorch's layout (out x in x kh x kw for a convolution, out x in
     * for a dense layer, one value per channel for the rest).
     */
    public record Slot(ResolvedLayer layer, Role role, String auxHead, List<Long> dims) {
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
            out.addAll(l.accept(new SlotsOf(aux)));
        }
    }

    /** A leaf's parameters in the order its compiled block holds them; containers hold none of their own. */
    private record SlotsOf(String aux) implements ResolvedVisitor<List<Slot>> {
        private Slot slot(ResolvedLayer at, Role role, long... dims) {
            return new Slot(at, role, aux, java.util.Arrays.stream(dims).boxed().toList());
        }

        private List<Slot> perChannel(ResolvedLayer at, Role... roles) {
            List<Slot> out = new ArrayList<>();
            for (Role r : roles) {
                out.add(slot(at, r, at.output().channels()));
            }
            return out;
        }

        public List<Slot> conv(ResolvedLayer at, Conv c) {
            return unit(at, new ArrayList<>(List.of(slot(at, Role.CONV_WEIGHT, c.filters(), at.input().channels() / c.groups(),
                    c.kernelH(), c.kernelW()))), c.bias(), c.batchNorm());
        }

        /** The convolution weights in {@code out}, then the bias and batch norm over the layer's output channels. */
        private List<Slot> unit(ResolvedLayer at, List<Slot> out, boolean bias, boolean batchNorm) {
            if (bias) {
                out.addAll(perChannel(at, Role.CONV_BIAS));
            }
            if (batchNorm) {
                out.addAll(perChannel(at, Role.BN_SCALE, Role.BN_SHIFT, Role.BN_MEAN, Role.BN_VARIANCE));
            }
            return out;
        }

        public List<Slot> depthwiseConv(ResolvedLayer at, DepthwiseConv c) {
            return unit(at, new ArrayList<>(List.of(slot(at, Role.CONV_WEIGHT, at.output().channels(), 1, c.kernelH(), c.kernelW()))),
                    c.bias(), c.batchNorm());
        }

        public List<Slot> separableConv(ResolvedLayer at, SeparableConv c) {
            long middle = (long) at.input().channels() * c.multiplier();
            return unit(at, new ArrayList<>(List.of(slot(at, Role.DEPTHWISE_WEIGHT, middle, 1, c.kernelH(), c.kernelW()),
                    slot(at, Role.CONV_WEIGHT, c.filters(), middle, 1, 1))), c.bias(), c.batchNorm());
        }

        public List<Slot> dense(ResolvedLayer at, Dense d) {
            List<Slot> out = new ArrayList<>(List.of(slot(at, Role.DENSE_WEIGHT, d.units(), at.input().elements())));
            if (d.bias()) {
                out.addAll(perChannel(at, Role.DENSE_BIAS));
            }
            return out;
        }

        public List<Slot> pool(ResolvedLayer at, Pool p) {
            return List.of();
        }

        public List<Slot> globalPool(ResolvedLayer at, GlobalPool g) {
            return List.of();
        }

        public List<Slot> adaptiveAvgPool(ResolvedLayer at, AdaptiveAvgPool a) {
            return List.of();
        }

        public List<Slot> dropout(ResolvedLayer at, Dropout d) {
            return List.of();
        }

        public List<Slot> sequence(ResolvedLayer at, Sequence s) {
            return List.of();
        }

        public List<Slot> concat(ResolvedLayer at, Concat c) {
            return List.of();
        }

        public List<Slot> residual(ResolvedLayer at, Residual r) {
            return List.of();
        }

        public List<Slot> repeat(ResolvedLayer at, Repeat r) {
            return List.of();
        }

        public List<Slot> batchNorm(ResolvedLayer at, BatchNorm b) {
            return perChannel(at, Role.BN_SCALE, Role.BN_SHIFT, Role.BN_MEAN, Role.BN_VARIANCE);
        }

        public List<Slot> activation(ResolvedLayer at, Activation a) {
            return List.of();
        }

        public List<Slot> flatten(ResolvedLayer at, Flatten f) {
            return List.of();
        }

        public List<Slot> split(ResolvedLayer at, ChannelSplit s) {
            return List.of();
        }

        public List<Slot> layerNorm(ResolvedLayer at, LayerNorm n) {
            return perChannel(at, Role.LN_SCALE, Role.LN_SHIFT);
        }

        public List<Slot> layerScale(ResolvedLayer at, LayerScale s) {
            return perChannel(at, Role.LAYER_SCALE);
        }

        public List<Slot> squeezeExcite(ResolvedLayer at, SqueezeExcite s) {
            int c = at.input().channels();
            int h = s.hidden(c);
            return List.of(slot(at, Role.GATE_REDUCE_WEIGHT, h, c, 1, 1), slot(at, Role.GATE_REDUCE_BIAS, h),
                    slot(at, Role.GATE_EXPAND_WEIGHT, c, h, 1, 1), slot(at, Role.GATE_EXPAND_BIAS, c));
        }

        public List<Slot> lrn(ResolvedLayer at, Lrn l) {
            return List.of();
        }
    }
}
