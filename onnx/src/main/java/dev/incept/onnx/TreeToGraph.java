package dev.incept.onnx;

import static dev.incept.onnx.OnnxGraph.integer;
import static dev.incept.onnx.OnnxGraph.ints;
import static dev.incept.onnx.OnnxGraph.real;

import dev.incept.analysis.AdaptiveWindows;
import dev.incept.analysis.ResolvedLayer;
import dev.incept.analysis.ResolvedVisitor;
import dev.incept.analysis.Windows;
import dev.incept.compile.Compiler;
import dev.incept.spec.ParameterRole;
import dev.incept.compile.PoolWindow;
import dev.incept.spec.ActivationKind;
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
import dev.incept.spec.GroupNorm;
import dev.incept.spec.Pool;
import dev.incept.spec.PoolKind;
import dev.incept.spec.Repeat;
import dev.incept.spec.Residual;
import dev.incept.spec.SeparableConv;
import dev.incept.spec.Sequence;
import dev.incept.spec.ChannelSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The resolved tree as ONNX nodes, layer by layer, in inference form: batch norm with its running
 * statistics, dropout left out, ReLUs where the description puts them (the compiler's lowering may
 * move one past a max pool; the maths is the same). Names and shapes come from the tree; the
 * tensors from the compiled block, by path and role.
 */
final class TreeToGraph {
    /** A parameter's values and shape, as the compiled block held it. */
    record Tensor(long[] shape, float[] values) {
    }

    private final OnnxGraph g;
    private final Map<String, Tensor> tensors;

    TreeToGraph(OnnxGraph g, Map<String, Tensor> tensors) {
        this.g = g;
        this.tensors = tensors;
    }

    static String key(String path, ParameterRole role) {
        return path + "|" + role;
    }

    String layers(List<ResolvedLayer> layers, String x) {
        for (ResolvedLayer l : layers) {
            x = layer(l, x);
        }
        return x;
    }

    private String layer(ResolvedLayer l, String x) {
        return l.accept(new Nodes(x));
    }

    /** The nodes of one layer, reading {@code x}; each returns the name of the layer's output. */
    private final class Nodes implements ResolvedVisitor<String> {
        private final String x;

        Nodes(String x) {
            this.x = x;
        }

        public String conv(ResolvedLayer at, Conv c) {
            return TreeToGraph.this.conv(at, c, x);
        }

        public String pool(ResolvedLayer at, Pool p) {
            return TreeToGraph.this.pool(at, p, x);
        }

        public String globalPool(ResolvedLayer at, GlobalPool gp) {
            String pooled = g.node(gp.kind() == PoolKind.MAX ? "GlobalMaxPool" : "GlobalAveragePool", at.path(), new String[] {x});
            return g.node("Flatten", at.path(), new String[] {pooled}, integer("axis", 1));
        }

        public String adaptiveAvgPool(ResolvedLayer at, AdaptiveAvgPool a) {
            return adaptivePool(at, x);
        }

        public String dropout(ResolvedLayer at, Dropout d) {
            return x;
        }

        public String dense(ResolvedLayer at, Dense d) {
            return TreeToGraph.this.dense(at, d, x);
        }

        public String sequence(ResolvedLayer at, Sequence s) {
            return layers(at.children(), x);
        }

        public String concat(ResolvedLayer at, Concat c) {
            List<String> outs = new ArrayList<>();
            for (ResolvedLayer branch : at.children()) {
                outs.add(layer(branch, x));
            }
            return g.node("Concat", at.path(), outs.toArray(String[]::new), integer("axis", 1));
        }

        public String residual(ResolvedLayer at, Residual r) {
            return TreeToGraph.this.residual(at, r, x);
        }

        public String repeat(ResolvedLayer at, Repeat r) {
            return layers(at.children(), x);
        }

        public String batchNorm(ResolvedLayer at, BatchNorm b) {
            return normalize(at, x, b.epsilon());
        }

        public String activation(ResolvedLayer at, Activation a) {
            return activate(at, a.kind(), x);
        }

        public String flatten(ResolvedLayer at, Flatten f) {
            return at.input().flat() ? x : g.node("Flatten", at.path(), new String[] {x}, integer("axis", 1));
        }

        public String depthwiseConv(ResolvedLayer at, DepthwiseConv c) {
            String y = convNode(at, x, ParameterRole.CONV_WEIGHT, c.kernelH(), c.kernelW(), c.strideH(), c.strideW(), c.padding(),
                    at.input().channels(), c.bias(), c.dilationH(), c.dilationW());
            return finish(at, y, c.batchNorm(), c.activation());
        }

        public String separableConv(ResolvedLayer at, SeparableConv c) {
            String mid = convNode(at, x, ParameterRole.DEPTHWISE_WEIGHT, c.kernelH(), c.kernelW(), c.strideH(), c.strideW(), c.padding(),
                    at.input().channels(), false);
            String y = convNode(at, mid, ParameterRole.CONV_WEIGHT, 1, 1, 1, 1, dev.incept.spec.Padding.VALID, 1, c.bias());
            return finish(at, y, c.batchNorm(), c.activation());
        }

        public String split(ResolvedLayer at, ChannelSplit s) {
            long[] sizes = s.sizes().stream().mapToLong(Integer::longValue).toArray();
            String[] slices = g.nodes("Split", at.path(), s.sizes().size(), new String[] {x, g.integers(at.path() + ".sizes", sizes)},
                    integer("axis", 1));
            List<String> outs = new ArrayList<>();
            for (int i = 0; i < at.children().size(); i++) {
                outs.add(layer(at.children().get(i), slices[i]));
            }
            return g.node("Concat", at.path(), outs.toArray(String[]::new), integer("axis", 1));
        }

        public String layerNorm(ResolvedLayer at, LayerNorm n) {
            // ONNX normalises over the last axes: a grid's channels are moved last and back.
            if (at.input().flat()) {
                return g.node("LayerNormalization", at.path(), new String[] {x, param(at, ParameterRole.NORM_SCALE), param(at, ParameterRole.NORM_SHIFT)},
                        integer("axis", -1), real("epsilon", (float) n.epsilon()));
            }
            String last = g.node("Transpose", at.path(), new String[] {x}, ints("perm", 0, 2, 3, 1));
            String y = g.node("LayerNormalization", at.path(), new String[] {last, param(at, ParameterRole.NORM_SCALE), param(at, ParameterRole.NORM_SHIFT)},
                    integer("axis", -1), real("epsilon", (float) n.epsilon()));
            return g.node("Transpose", at.path(), new String[] {y}, ints("perm", 0, 3, 1, 2));
        }

        /**
         * Opset 17 has no group norm: the example as groups x the rest through an instance norm
         * (one mean and variance per group), back to its shape, then the per-channel scale and shift.
         */
        public String groupNorm(ResolvedLayer at, GroupNorm n) {
            String p = at.path();
            String grouped = g.node("Reshape", p, new String[] {x, g.integers(p + ".groups", 0, n.groups(), -1)});
            String ones = g.initializer(p + ".ones", new long[] {n.groups()}, filled(n.groups(), 1));
            String zeros = g.initializer(p + ".zeros", new long[] {n.groups()}, filled(n.groups(), 0));
            String normalised = g.node("InstanceNormalization", p, new String[] {grouped, ones, zeros}, real("epsilon", (float) n.epsilon()));
            String back = g.node("Reshape", p, new String[] {normalised, g.node("Shape", p, new String[] {x})});
            String gamma = param(at, ParameterRole.NORM_SCALE);
            String beta = param(at, ParameterRole.NORM_SHIFT);
            if (!at.input().flat()) {
                String perChannel = g.integers(p + ".shape", -1, 1, 1);
                gamma = g.node("Reshape", p, new String[] {gamma, perChannel});
                beta = g.node("Reshape", p, new String[] {beta, perChannel});
            }
            return g.node("Add", p, new String[] {g.node("Mul", p, new String[] {back, gamma}), beta});
        }

        public String layerScale(ResolvedLayer at, LayerScale s) {
            String gamma = param(at, ParameterRole.LAYER_SCALE);
            if (!at.input().flat()) {
                gamma = g.node("Reshape", at.path(), new String[] {gamma, g.integers(at.path() + ".shape", -1, 1, 1)});
            }
            return g.node("Mul", at.path(), new String[] {x, gamma});
        }

        public String squeezeExcite(ResolvedLayer at, SqueezeExcite s) {
            String p = at.path();
            String pooled = g.node("GlobalAveragePool", p, new String[] {x});
            String z = g.node("Conv", p, new String[] {pooled, param(at, ParameterRole.GATE_REDUCE_WEIGHT), param(at, ParameterRole.GATE_REDUCE_BIAS)});
            String e = g.node("Conv", p, new String[] {activate(at, s.activation(), z), param(at, ParameterRole.GATE_EXPAND_WEIGHT),
                    param(at, ParameterRole.GATE_EXPAND_BIAS)});
            return g.node("Mul", p, new String[] {x, g.node("Sigmoid", p, new String[] {e})});
        }

        public String lrn(ResolvedLayer at, Lrn l) {
            return g.node("LRN", at.path(), new String[] {x}, integer("size", l.size()), real("alpha", (float) l.alpha()),
                    real("beta", (float) l.beta()), real("bias", (float) l.k()));
        }
    }

    private String param(ResolvedLayer l, ParameterRole role) {
        Tensor t = tensors.get(key(l.path(), role));
        if (t == null) {
            throw new OnnxException(l.path() + ": the compiled block holds no " + role + " for it");
        }
        return g.initializer(l.path() + "." + role.name().toLowerCase(java.util.Locale.ROOT), t.shape(), t.values());
    }

    private String conv(ResolvedLayer l, Conv c, String x) {
        String y = convNode(l, x, ParameterRole.CONV_WEIGHT, c.kernelH(), c.kernelW(), c.strideH(), c.strideW(), c.padding(), c.groups(), c.bias(),
                c.dilationH(), c.dilationW());
        return finish(l, y, c.batchNorm(), c.activation());
    }

    /** One Conv node with the layer's tensor of {@code weight}, and its bias when {@code bias}. */
    private String convNode(ResolvedLayer l, String x, ParameterRole weight, int kh, int kw, int sh, int sw, dev.incept.spec.Padding padding,
                            int groups, boolean bias) {
        return convNode(l, x, weight, kh, kw, sh, sw, padding, groups, bias, 1, 1);
    }

    private String convNode(ResolvedLayer l, String x, ParameterRole weight, int kh, int kw, int sh, int sw, dev.incept.spec.Padding padding,
                            int groups, boolean bias, int dh, int dw) {
        int[] pad = Windows.padding(padding, kh, kw, dh, dw);
        List<String> in = new ArrayList<>(List.of(x, param(l, weight)));
        if (bias) {
            in.add(param(l, ParameterRole.CONV_BIAS));
        }
        return g.node("Conv", l.path(), in.toArray(String[]::new), ints("kernel_shape", kh, kw), ints("strides", sh, sw),
                ints("pads", pad[0], pad[1], pad[0], pad[1]), ints("dilations", dh, dw), integer("group", groups));
    }

    /** A convolution's batch norm and activation after it. */
    private String finish(ResolvedLayer l, String y, boolean batchNorm, ActivationKind activation) {
        return activate(l, activation, batchNorm ? normalize(l, y, Compiler.BN_EPSILON) : y);
    }

    private String normalize(ResolvedLayer l, String x, double epsilon) {
        return g.node("BatchNormalization", l.path(), new String[] {x, param(l, ParameterRole.BN_SCALE), param(l, ParameterRole.BN_SHIFT),
            param(l, ParameterRole.BN_MEAN), param(l, ParameterRole.BN_VARIANCE)}, real("epsilon", (float) epsilon));
    }

    private static float[] filled(int n, float value) {
        float[] v = new float[n];
        java.util.Arrays.fill(v, value);
        return v;
    }

    private String scalar(ResolvedLayer l, String what, double value) {
        return g.initializer(l.path() + "." + what, new long[0], new float[] {(float) value});
    }

    /** The activation's nodes after {@code x}; GELU as its erf formula, which opset 17 has no single operator for. */
    private String activate(ResolvedLayer l, ActivationKind kind, String x) {
        String p = l.path();
        return switch (kind) {
            case LINEAR -> x;
            case RELU -> g.node("Relu", p, new String[] {x});
            case RELU6 -> g.node("Clip", p, new String[] {x, scalar(l, "zero", 0), scalar(l, "six", 6)});
            case SIGMOID -> g.node("Sigmoid", p, new String[] {x});
            case TANH -> g.node("Tanh", p, new String[] {x});
            case HARD_SWISH -> g.node("HardSwish", p, new String[] {x});
            case SILU -> g.node("Mul", p, new String[] {x, g.node("Sigmoid", p, new String[] {x})});
            case SOFTMAX -> g.node("Softmax", p, new String[] {x}, integer("axis", 1));
            case GELU -> {
                String erf = g.node("Erf", p, new String[] {g.node("Div", p, new String[] {x, scalar(l, "sqrt2", Math.sqrt(2))})});
                yield halfTimesOnePlus(l, x, erf);
            }
            case GELU_TANH -> {
                String cube = g.node("Mul", p, new String[] {x, g.node("Mul", p, new String[] {x, x})});
                String inner = g.node("Add", p, new String[] {x, g.node("Mul", p, new String[] {cube, scalar(l, "c", 0.044715)})});
                String tanh = g.node("Tanh", p, new String[] {g.node("Mul", p, new String[] {inner, scalar(l, "k", Math.sqrt(2 / Math.PI))})});
                yield halfTimesOnePlus(l, x, tanh);
            }
        };
    }

    private String halfTimesOnePlus(ResolvedLayer l, String x, String t) {
        String p = l.path();
        String onePlus = g.node("Add", p, new String[] {t, scalar(l, "one", 1)});
        return g.node("Mul", p, new String[] {g.node("Mul", p, new String[] {x, onePlus}), scalar(l, "half", 0.5)});
    }

    private String pool(ResolvedLayer l, Pool p, String x) {
        int[] pad = Windows.padding(p.padding(), p.kernelH(), p.kernelW());
        int[] kernel = PoolWindow.kernel(p, l.input());
        var common = new dev.incept.onnx.proto.OnnxIr.AttributeProto[] {
            ints("kernel_shape", kernel[0], kernel[1]), ints("strides", p.strideH(), p.strideW()),
            ints("pads", pad[0], pad[1], pad[0], pad[1]), integer("ceil_mode", p.ceilMode() ? 1 : 0)};
        if (p.kind() == PoolKind.MAX) {
            return g.node("MaxPool", l.path(), new String[] {x}, common);
        }
        var attrs = java.util.Arrays.copyOf(common, common.length + 1);
        attrs[common.length] = integer("count_include_pad", p.countIncludePad() ? 1 : 0);
        return g.node("AveragePool", l.path(), new String[] {x}, attrs);
    }

    /**
     * ONNX has no adaptive pool. Where the windows tile the grid evenly it is an ordinary average
     * pool; otherwise each output row (then column) is the mean of its own slice, which for a
     * rectangle of windows is the same mean.
     */
    private String adaptivePool(ResolvedLayer l, String x) {
        int inH = l.input().height();
        int inW = l.input().width();
        int outH = l.output().height();
        int outW = l.output().width();
        if (inH % outH == 0 && inW % outW == 0) {
            int kh = inH / outH;
            int kw = inW / outW;
            return g.node("AveragePool", l.path(), new String[] {x}, ints("kernel_shape", kh, kw), ints("strides", kh, kw));
        }
        return axisMeans(l, axisMeans(l, x, 2, inH, outH), 3, inW, outW);
    }

    private String axisMeans(ResolvedLayer l, String x, int axis, int in, int out) {
        if (in == out) {
            return x;
        }
        String[] cells = new String[out];
        for (int i = 0; i < out; i++) {
            String slice = g.node("Slice", l.path(), new String[] {x,
                g.integers(l.path() + ".start", AdaptiveWindows.start(i, in, out)),
                g.integers(l.path() + ".end", AdaptiveWindows.end(i, in, out)),
                g.integers(l.path() + ".axis", axis)});
            cells[i] = g.node("ReduceMean", l.path(), new String[] {slice}, ints("axes", axis), integer("keepdims", 1));
        }
        return out == 1 ? cells[0] : g.node("Concat", l.path(), cells, integer("axis", axis));
    }

    private String dense(ResolvedLayer l, Dense d, String x) {
        if (!l.input().flat()) {
            x = g.node("Flatten", l.path(), new String[] {x}, integer("axis", 1));
        }
        List<String> in = new ArrayList<>(List.of(x, param(l, ParameterRole.DENSE_WEIGHT)));
        if (d.bias()) {
            in.add(param(l, ParameterRole.DENSE_BIAS));
        }
        String y = g.node("Gemm", l.path(), in.toArray(String[]::new), integer("transB", 1));
        return activate(l, d.activation(), y);
    }

    private String residual(ResolvedLayer r, Residual spec, String x) {
        String branch = layer(r.children().get(0), x);
        if (spec.project()) {
            branch = layer(r.children().get(1), branch);
        }
        if (spec.shortcut() != null) {
            x = layer(r.children().get(r.children().size() - 1), x);
        }
        if (spec.scale() != 1.0) {
            branch = g.node("Mul", r.path(), new String[] {branch, g.initializer(r.path() + ".scale", new long[0], new float[] {(float) spec.scale()})});
        }
        String sum = g.node("Add", r.path(), new String[] {x, branch});
        return activate(r, spec.activation(), sum);
    }
}
