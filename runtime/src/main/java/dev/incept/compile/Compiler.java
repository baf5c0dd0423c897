package dev.incept.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import dev.incept.analysis.Analysis;
import dev.incept.analysis.Analyzer;
import dev.incept.analysis.Convention;
import dev.incept.analysis.ResolvedAux;
import dev.incept.analysis.ResolvedLayer;
import dev.incept.analysis.ResolvedVisitor;
import dev.incept.analysis.Windows;
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
import dev.incept.spec.FeatureShape;
import dev.incept.spec.GlobalPool;
import dev.incept.spec.GroupNorm;
import dev.incept.spec.Network;
import dev.incept.spec.PoolKind;
import dev.incept.spec.Repeat;
import dev.incept.spec.Residual;
import dev.incept.spec.SeparableConv;
import dev.incept.spec.Sequence;
import dev.incept.spec.ChannelSplit;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a description into DJL blocks. The description is analysed first, so anything the DSL
 * rejects fails here with the same path-naming error before any engine is touched; the compiler
 * then walks the analyser's resolved tree, taking names, shapes and the residual projections from
 * it, and chooses only how each layer runs.
 */
public final class Compiler {
    /** TF-slim's and torchvision's Inception batch-norm epsilon. */
    public static final float BN_EPSILON = 1e-3f;
    /** The running statistics keep 0.9 of their value per batch (DJL's default, and MXNet's). */
    static final float BN_MOMENTUM = 0.9f;

    private final Lowering lowering;

    private Compiler(Lowering lowering) {
        this.lowering = lowering;
    }

    /** Compiles a network for its own input shape, with its aux heads (active in training only). */
    public static NetworkBlock compile(Network network) {
        return compile(network, CompileOptions.DEFAULTS);
    }

    /**
     * As {@link #compile(Network)}; with {@code fuseSiblings} the branches of a block that open with
     * a 1x1 convolution share one convolution call (see {@link SiblingConvs}), with the parameters
     * and the maths of the description. Off by default: it measured slower on MXNet, whose split
     * output leaves oneDNN's blocked layout, and no faster on PyTorch (bench/DECISIONS.md#sibling-fusion-off).
     */
    public static NetworkBlock compile(Network network, boolean fuseSiblings) {
        return compile(network, CompileOptions.DEFAULTS.withFuseSiblings(fuseSiblings));
    }

    /** As {@link #compile(Network)}, with the given options. */
    public static NetworkBlock compile(Network network, CompileOptions options) {
        Analysis analysis = Analyzer.analyze(network, Convention.PYTORCH, true);
        Compiler c = new Compiler(Lowering.of(analysis, options));
        List<String> names = new ArrayList<>();
        List<Block> stages = new ArrayList<>();
        for (ResolvedLayer stage : analysis.layers()) {
            names.add(stage.segment());
            stages.add(c.compile(stage));
        }
        List<NetworkBlock.AuxTap> taps = new ArrayList<>();
        for (ResolvedAux head : analysis.aux()) {
            taps.add(new NetworkBlock.AuxTap(head.name(), head.stage(), head.lossWeight(), c.sequence(head.layers())));
        }
        return new NetworkBlock(network, names, stages, taps, options.channelsLastOnGpu());
    }

    private Block sequence(List<ResolvedLayer> layers) {
        List<String> names = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        for (ResolvedLayer l : layers) {
            names.add(l.segment());
            blocks.add(compile(l));
        }
        return new SequenceBlock(names, blocks);
    }

    /** One resolved layer as DJL blocks, as the lowering decided it runs. */
    private Block compile(ResolvedLayer l) {
        return l.accept(blocks);
    }

    private final ResolvedVisitor<Block> blocks = new ResolvedVisitor<>() {
        public Block conv(ResolvedLayer at, Conv c) {
            return Compiler.conv(c, lowering.dropsRelu(at));
        }

        public Block pool(ResolvedLayer at, dev.incept.spec.Pool p) {
            return Compiler.pool(p, lowering.appliesRelu(at), at.input());
        }

        public Block globalPool(ResolvedLayer at, GlobalPool g) {
            return Compiler.globalPool(g);
        }

        public Block adaptiveAvgPool(ResolvedLayer at, AdaptiveAvgPool a) {
            return adaptivePool(at);
        }

        public Block dropout(ResolvedLayer at, dev.incept.spec.Dropout d) {
            return Dropout.builder().optRate((float) d.rate()).build();
        }

        public Block dense(ResolvedLayer at, Dense d) {
            return Compiler.dense(d, at.input().flat());
        }

        public Block sequence(ResolvedLayer at, Sequence s) {
            return Compiler.this.sequence(at.children());
        }

        public Block concat(ResolvedLayer at, Concat c) {
            return Compiler.this.concat(at);
        }

        public Block residual(ResolvedLayer at, Residual r) {
            return Compiler.this.residual(at, r);
        }

        public Block repeat(ResolvedLayer at, Repeat r) {
            return Compiler.this.sequence(at.children());
        }

        public Block batchNorm(ResolvedLayer at, BatchNorm b) {
            // DJL's momentum is the share the running statistics keep, as Keras's is.
            return new ChannelBatchNorm((float) b.epsilon(), (float) b.momentum());
        }

        public Block activation(ResolvedLayer at, dev.incept.spec.Activation a) {
            Block op = ActivationOps.block(a.kind());
            return op != null ? op : new OpBlock(a.kind().jsonName(), x -> x, s -> s);
        }

        public Block flatten(ResolvedLayer at, Flatten f) {
            return Compiler.flatten();
        }

        public Block depthwiseConv(ResolvedLayer at, DepthwiseConv c) {
            return depthwise(at, c);
        }

        public Block separableConv(ResolvedLayer at, SeparableConv c) {
            return separable(at, c);
        }

        public Block split(ResolvedLayer at, ChannelSplit s) {
            List<String> names = new ArrayList<>();
            List<Block> branches = new ArrayList<>();
            for (ResolvedLayer branch : at.children()) {
                names.add(branch.segment());
                branches.add(compile(branch));
            }
            return new SplitBlock(names, branches, s.sizes());
        }

        public Block layerNorm(ResolvedLayer at, LayerNorm n) {
            return ChannelParameters.layerNorm(n.epsilon());
        }

        public Block groupNorm(ResolvedLayer at, GroupNorm g) {
            return ChannelParameters.groupNorm(g.groups(), g.epsilon());
        }

        public Block layerScale(ResolvedLayer at, LayerScale s) {
            return ChannelParameters.layerScale(s.init());
        }

        public Block squeezeExcite(ResolvedLayer at, SqueezeExcite s) {
            return new SqueezeExciteBlock(s.hidden(at.input().channels()), ActivationOps.op(s.activation()));
        }

        public Block lrn(ResolvedLayer at, Lrn l) {
            return new OpBlock("lrn", x -> LocalResponseNorm.apply(x, l.size(), l.alpha(), l.beta(), l.k()), s -> s);
        }
    };

    /** The fused call for the branches the lowering grouped, given their compiled blocks. */
    private static SiblingConvs siblings(SiblingFusion.Group group, List<ResolvedLayer> branches, List<Block> blocks) {
        List<Conv2d> convs = new ArrayList<>();
        List<Integer> filters = new ArrayList<>();
        for (int i : group.branches()) {
            convs.add(((SequenceBlock) blocks.get(i)).leadingConv());
            filters.add(SiblingFusion.pointwiseLead(branches.get(i)).filters());
        }
        return new SiblingConvs(group.branches(), convs, filters, group.bias());
    }

    private static NDArray flatGrid(NDArray x) {
        return x.reshape(x.getShape().get(0), x.getShape().get(1), -1);
    }

    private static Block relu() {
        return new OpBlock("relu", Activation::relu, s -> s);
    }

    /** The convolution itself, without batch norm or activation. */
    private static Conv2d convolution(Conv c) {
        return convolution(c.filters(), c.kernelH(), c.kernelW(), c.strideH(), c.strideW(), c.padding(), c.groups(), c.bias(),
                c.dilationH(), c.dilationW());
    }

    private static Conv2d convolution(int filters, int kh, int kw, int sh, int sw, dev.incept.spec.Padding padding, int groups, boolean bias) {
        return convolution(filters, kh, kw, sh, sw, padding, groups, bias, 1, 1);
    }

    private static Conv2d convolution(int filters, int kh, int kw, int sh, int sw, dev.incept.spec.Padding padding, int groups, boolean bias,
                                      int dh, int dw) {
        int[] pad = Windows.padding(padding, kh, kw, dh, dw);
        return Conv2d.builder()
                .setKernelShape(new Shape(kh, kw))
                .optStride(new Shape(sh, sw))
                .optDilation(new Shape(dh, dw))
                .optPadding(new Shape(pad[0], pad[1]))
                .setFilters(filters)
                .optGroups(groups)
                .optBias(bias)
                .build();
    }

    private static Block conv(Conv c, boolean deferRelu) {
        return unit(new ArrayList<>(List.of("conv")), new ArrayList<>(List.of(convolution(c))), c.batchNorm(), c.activation(), deferRelu);
    }

    /** The convolutions in {@code parts}, then batch norm and the activation (a ReLU left to the lowering when deferred). */
    private static Block unit(List<String> names, List<Block> parts, boolean batchNorm, dev.incept.spec.ActivationKind activation,
                              boolean deferRelu) {
        if (batchNorm) {
            names.add("bn");
            parts.add(new ChannelBatchNorm(BN_EPSILON, BN_MOMENTUM));
        }
        if (activation == dev.incept.spec.ActivationKind.RELU && !deferRelu) {
            names.add("relu");
            parts.add(relu());
        } else if (activation != dev.incept.spec.ActivationKind.RELU && !ActivationOps.isIdentity(activation)) {
            names.add(activation.jsonName());
            parts.add(ActivationOps.block(activation));
        }
        return new SequenceBlock(names, parts);
    }

    private static Block depthwise(ResolvedLayer at, DepthwiseConv c) {
        Conv2d conv = convolution(at.output().channels(), c.kernelH(), c.kernelW(), c.strideH(), c.strideW(), c.padding(),
                at.input().channels(), c.bias(), c.dilationH(), c.dilationW());
        return unit(new ArrayList<>(List.of("conv")), new ArrayList<>(List.of(conv)), c.batchNorm(), c.activation(), false);
    }

    private static Block separable(ResolvedLayer at, SeparableConv c) {
        int in = at.input().channels();
        Conv2d depthwise = convolution(in * c.multiplier(), c.kernelH(), c.kernelW(), c.strideH(), c.strideW(), c.padding(), in, false);
        Conv2d pointwise = convolution(c.filters(), 1, 1, 1, 1, dev.incept.spec.Padding.VALID, 1, c.bias());
        return unit(new ArrayList<>(List.of("depthwise", "pointwise")), new ArrayList<>(List.of(depthwise, pointwise)),
                c.batchNorm(), c.activation(), false);
    }

    private static Block pool(dev.incept.spec.Pool p, boolean reluAfter, FeatureShape in) {
        int[] pad = Windows.padding(p.padding(), p.kernelH(), p.kernelW());
        int[] window = PoolWindow.kernel(p, in);
        Shape kernel = new Shape(window[0], window[1]);
        Shape stride = new Shape(p.strideH(), p.strideW());
        Shape padding = new Shape(pad[0], pad[1]);
        boolean ceil = p.ceilMode();
        java.util.function.UnaryOperator<NDArray> op = p.kind() == PoolKind.MAX
                ? x -> Pool.maxPool2d(x, kernel, stride, padding, ceil)
                : x -> AveragePool.apply(x, kernel, stride, padding, ceil, p.countIncludePad());
        String label = p.kind().jsonName() + "pool";
        if (reluAfter) {
            java.util.function.UnaryOperator<NDArray> pool = op;
            op = x -> Activation.relu(pool.apply(x));
            label += " then relu";
        }
        return new OpBlock(label, op, s -> new Shape(s.get(0), s.get(1),
                Windows.outSize(s.get(2), (int) kernel.get(0), p.strideH(), pad[0], ceil),
                Windows.outSize(s.get(3), (int) kernel.get(1), p.strideW(), pad[1], ceil)));
    }

    private static Block adaptivePool(ResolvedLayer l) {
        int inH = l.input().height();
        int inW = l.input().width();
        int outH = l.output().height();
        int outW = l.output().width();
        return new OpBlock("adaptive avgpool", x -> AdaptiveAveragePool.apply(x, inH, inW, outH, outW),
                s -> new Shape(s.get(0), s.get(1), outH, outW));
    }

    private static Block globalPool(GlobalPool g) {
        // Flatten the grid first: PyTorch's reductions take one axis at a time.
        int[] grid = {2};
        java.util.function.UnaryOperator<NDArray> op = g.kind() == PoolKind.MAX
                ? x -> flatGrid(x).max(grid) : x -> flatGrid(x).mean(grid);
        return new OpBlock("global pool", op, s -> new Shape(s.get(0), s.get(1)));
    }

    private static Block dense(Dense d, boolean flatInput) {
        List<String> names = new ArrayList<>();
        List<Block> parts = new ArrayList<>();
        if (!flatInput) {
            names.add("flatten");
            parts.add(flatten());
        }
        names.add("linear");
        parts.add(Linear.builder().setUnits(d.units()).optBias(d.bias()).build());
        Block act = ActivationOps.block(d.activation());
        if (act != null) {
            names.add(d.activation() == dev.incept.spec.ActivationKind.RELU ? "relu" : d.activation().jsonName());
            parts.add(act);
        }
        return new SequenceBlock(names, parts);
    }

    private static Block flatten() {
        return new OpBlock("flatten", x -> x.reshape(x.getShape().get(0), -1), s -> new Shape(s.get(0), s.size() / s.get(0)));
    }

    private Block concat(ResolvedLayer c) {
        List<String> names = new ArrayList<>();
        List<Block> branches = new ArrayList<>();
        for (ResolvedLayer branch : c.children()) {
            names.add(branch.segment());
            branches.add(compile(branch));
        }
        SiblingFusion.Group group = lowering.fused().get(c.path());
        return new ConcatBlock(names, branches, group == null ? null : siblings(group, c.children(), branches));
    }

    private Block residual(ResolvedLayer r, Residual spec) {
        ResolvedLayer body = r.children().get(0);
        // The projection is the analyser's ordinary 1x1 convolution, registered bare (a Conv2d, not a
        // sequence) under its segment, as checkpoints written before it was part of the tree expect.
        ResolvedLayer projection = spec.project() ? r.children().get(1) : null;
        Block project = projection != null && projection.layer() instanceof Conv c ? convolution(c) : null;
        ResolvedLayer cut = spec.shortcut() == null ? null : r.children().get(r.children().size() - 1);
        return new ResidualBlock(body.segment(), compile(body), projection == null ? null : projection.segment(), project, spec.scale(),
                ActivationOps.op(spec.activation()), cut == null ? null : cut.segment(), cut == null ? null : compile(cut), spec.dropPath());
    }
}
