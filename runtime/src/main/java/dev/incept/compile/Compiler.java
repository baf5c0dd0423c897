package dev.incept.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import dev.incept.analysis.Analysis;
import dev.incept.analysis.Analyzer;
import dev.incept.analysis.Convention;
import dev.incept.analysis.Windows;
import dev.incept.spec.AuxHead;
import dev.incept.spec.Concat;
import dev.incept.spec.Conv;
import dev.incept.spec.Dense;
import dev.incept.spec.GlobalPool;
import dev.incept.spec.Layer;
import dev.incept.spec.LayerVisitor;
import dev.incept.spec.Naming;
import dev.incept.spec.Network;
import dev.incept.spec.PoolKind;
import dev.incept.spec.Repeat;
import dev.incept.spec.Residual;
import dev.incept.spec.Sequence;
import dev.incept.spec.SpecException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a description into DJL blocks. The description is analysed first, so anything the DSL
 * rejects fails here with the same path-naming error before any engine is touched; the compiler
 * then walks the same paths as the analyser and reads input widths from its report.
 */
public final class Compiler {
    /** TF-slim's and torchvision's Inception batch-norm epsilon. */
    static final float BN_EPSILON = 1e-3f;
    /** The running statistics keep 0.9 of their value per batch (DJL's default, and MXNet's). */
    static final float BN_MOMENTUM = 0.9f;

    private final Analysis analysis;
    private final boolean fuseSiblings;

    private Compiler(Analysis analysis, boolean fuseSiblings) {
        this.analysis = analysis;
        this.fuseSiblings = fuseSiblings;
    }

    /** Compiles a network for its own input shape, with its aux heads (active in training only). */
    public static NetworkBlock compile(Network network) {
        return compile(network, CompileOptions.DEFAULTS);
    }

    /**
     * As {@link #compile(Network)}; with {@code fuseSiblings} the branches of a block that open with
     * a 1x1 convolution share one convolution call (see {@link SiblingConvs}), with the parameters
     * and the maths of the description. Off by default: measured on this project's 2-core bench it
     * cost MXNet 7-9% on GoogLeNet and Inception-v3 (the split output leaves oneDNN's blocked
     * layout) and changed PyTorch by 0-4%, inside the noise (bench/cpu-2026-11-23-fusion.md,
     * bench/cpu-2026-11-24.md).
     */
    public static NetworkBlock compile(Network network, boolean fuseSiblings) {
        return compile(network, CompileOptions.DEFAULTS.withFuseSiblings(fuseSiblings));
    }

    /** As {@link #compile(Network)}, with the given options. */
    public static NetworkBlock compile(Network network, CompileOptions options) {
        Analysis analysis = Analyzer.analyze(network, Convention.PYTORCH, true);
        Compiler c = new Compiler(analysis, options.fuseSiblings());
        List<String> names = Naming.sequenceNames("", network.layers());
        List<Block> stages = new ArrayList<>();
        for (int i = 0; i < network.layers().size(); i++) {
            stages.add(c.compile(network.layers().get(i), names.get(i)));
        }
        List<NetworkBlock.AuxTap> taps = new ArrayList<>();
        for (int i = 0; i < network.auxHeads().size(); i++) {
            AuxHead head = network.auxHeads().get(i);
            String auxName = head.name().isEmpty() ? "aux" + (i + 1) : head.name();
            int stage = names.indexOf(head.after());
            if (stage < 0) {
                throw new SpecException("aux/" + auxName, "the compiler attaches aux heads to top-level blocks "
                        + names + ", not to '" + head.after() + "'");
            }
            taps.add(new NetworkBlock.AuxTap(auxName, stage, head.lossWeight(),
                    c.sequence("aux/" + auxName, head.layers(), false)));
        }
        return new NetworkBlock(network, names, stages, taps);
    }

    private Block compile(Layer layer, String path) {
        return compile(layer, path, false, false);
    }

    private Block compile(Layer layer, String path, boolean deferRelu, boolean reluAfter) {
        return layer.accept(new Visitor(path, deferRelu, reluAfter));
    }

    /**
     * A ReLU that ends a layer followed by a strided max pool runs after the pool instead:
     * relu(max(x)) = max(relu(x)) and the gradients agree element for element, but the ReLU then
     * touches a quarter of the values. In the 96x96 GoogLeNet of the peer benchmark, ReLU fell from
     * 10% to 2% of oneDNN's time in a training step, +3% images/s on both engines
     * (bench/cpu-2026-11-24-onednn.md). Only inside a sequence: a top-level stage's output stays
     * what the description says, for aux heads and {@link NetworkBlock#stageOutputs}.
     */
    private Block sequence(String path, List<Layer> layers, boolean deferLastRelu) {
        List<String> names = Naming.sequenceNames(path, layers);
        List<Block> blocks = new ArrayList<>();
        boolean reluAfter = false;
        for (int i = 0; i < layers.size(); i++) {
            boolean last = i + 1 == layers.size();
            boolean defer = last ? deferLastRelu : endsInRelu(layers.get(i)) && stridedMaxPool(layers.get(i + 1));
            blocks.add(compile(layers.get(i), Naming.join(path, names.get(i)), defer, reluAfter));
            reluAfter = defer && !last;
        }
        return new SequenceBlock(names, blocks);
    }

    /** Whether a layer's last operation, on every path through it, is a ReLU the compiler may move. */
    private static boolean endsInRelu(Layer layer) {
        if (layer instanceof Conv c) {
            return c.activation() == dev.incept.spec.Activation.RELU;
        }
        if (layer instanceof Sequence s) {
            return !s.layers().isEmpty() && endsInRelu(s.layers().get(s.layers().size() - 1));
        }
        if (layer instanceof Concat c) {
            return c.branches().stream().allMatch(Compiler::endsInRelu);
        }
        return false;
    }

    private static boolean stridedMaxPool(Layer layer) {
        return layer instanceof dev.incept.spec.Pool p && p.kind() == PoolKind.MAX && p.strideH() * p.strideW() > 1;
    }

    /** The branches opening with a 1x1, stride-1, unpadded convolution, if two or more agree on the bias. */
    private static SiblingConvs siblings(List<Layer> specs, List<Block> blocks) {
        for (boolean bias : new boolean[] {false, true}) {
            List<Integer> at = new ArrayList<>();
            List<Conv2d> convs = new ArrayList<>();
            List<Integer> filters = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                Conv lead = pointwiseLead(specs.get(i));
                if (lead != null && lead.bias() == bias && blocks.get(i) instanceof SequenceBlock seq
                        && seq.leadingConv() != null) {
                    at.add(i);
                    convs.add(seq.leadingConv());
                    filters.add(lead.filters());
                }
            }
            if (at.size() >= 2) {
                return new SiblingConvs(at, convs, filters, bias);
            }
        }
        return null;
    }

    /** The 1x1, stride-1, unpadded convolution a layer starts with, or null. */
    private static Conv pointwiseLead(Layer layer) {
        if (layer instanceof Sequence s) {
            return s.layers().isEmpty() ? null : pointwiseLead(s.layers().get(0));
        }
        if (layer instanceof Conv c && c.kernelH() == 1 && c.kernelW() == 1 && c.strideH() == 1 && c.strideW() == 1) {
            int[] pad = Windows.padding(c.padding(), 1, 1);
            return pad[0] == 0 && pad[1] == 0 ? c : null;
        }
        return null;
    }

    private dev.incept.spec.Shape inputOf(String path) {
        return analysis.block(path).orElseThrow(() -> new IllegalStateException("no analysis for " + path)).input();
    }

    private static NDArray flatGrid(NDArray x) {
        return x.reshape(x.getShape().get(0), x.getShape().get(1), -1);
    }

    private static Block relu() {
        return new OpBlock("relu", Activation::relu, s -> s);
    }

    private final class Visitor implements LayerVisitor<Block> {
        private final String path;
        /** Leave out the ReLU this layer ends with: the max pool after it applies it. */
        private final boolean deferRelu;
        /** This max pool applies the ReLU its predecessor left out. */
        private final boolean reluAfter;

        Visitor(String path, boolean deferRelu, boolean reluAfter) {
            this.path = path;
            this.deferRelu = deferRelu;
            this.reluAfter = reluAfter;
        }

        @Override
        public Block conv(Conv c) {
            int[] pad = Windows.padding(c.padding(), c.kernelH(), c.kernelW());
            List<String> names = new ArrayList<>(List.of("conv"));
            List<Block> parts = new ArrayList<>();
            parts.add(Conv2d.builder()
                    .setKernelShape(new Shape(c.kernelH(), c.kernelW()))
                    .optStride(new Shape(c.strideH(), c.strideW()))
                    .optPadding(new Shape(pad[0], pad[1]))
                    .setFilters(c.filters())
                    .optBias(c.bias())
                    .build());
            if (c.batchNorm()) {
                names.add("bn");
                parts.add(BatchNorm.builder().optEpsilon(BN_EPSILON).optMomentum(BN_MOMENTUM).build());
            }
            boolean relu = c.activation() == dev.incept.spec.Activation.RELU && !deferRelu;
            if (relu) {
                names.add("relu");
                parts.add(relu());
            }
            return new SequenceBlock(names, parts);
        }

        @Override
        public Block pool(dev.incept.spec.Pool p) {
            int[] pad = Windows.padding(p.padding(), p.kernelH(), p.kernelW());
            Shape kernel = new Shape(p.kernelH(), p.kernelW());
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
                    Windows.outSize(s.get(2), p.kernelH(), p.strideH(), pad[0], ceil),
                    Windows.outSize(s.get(3), p.kernelW(), p.strideW(), pad[1], ceil)));
        }

        @Override
        public Block globalPool(GlobalPool g) {
            // Flatten the grid first: PyTorch's reductions take one axis at a time.
            int[] grid = {2};
            java.util.function.UnaryOperator<NDArray> op = g.kind() == PoolKind.MAX
                    ? x -> flatGrid(x).max(grid) : x -> flatGrid(x).mean(grid);
            return new OpBlock("global pool", op, s -> new Shape(s.get(0), s.get(1)));
        }

        @Override
        public Block dropout(dev.incept.spec.Dropout d) {
            return Dropout.builder().optRate((float) d.rate()).build();
        }

        @Override
        public Block dense(Dense d) {
            List<String> names = new ArrayList<>();
            List<Block> parts = new ArrayList<>();
            if (!inputOf(path).flat()) {
                names.add("flatten");
                parts.add(new OpBlock("flatten", x -> x.reshape(x.getShape().get(0), -1),
                        s -> new Shape(s.get(0), s.size() / s.get(0))));
            }
            names.add("linear");
            parts.add(Linear.builder().setUnits(d.units()).optBias(d.bias()).build());
            if (d.activation() == dev.incept.spec.Activation.RELU) {
                names.add("relu");
                parts.add(relu());
            }
            return new SequenceBlock(names, parts);
        }

        @Override
        public Block sequence(Sequence s) {
            return Compiler.this.sequence(path, s.layers(), deferRelu);
        }

        @Override
        public Block concat(Concat c) {
            List<String> names = Naming.branchNames(path, c.branches());
            List<Block> branches = new ArrayList<>();
            for (int i = 0; i < c.branches().size(); i++) {
                branches.add(compile(c.branches().get(i), Naming.join(path, names.get(i)), deferRelu, false));
            }
            return new ConcatBlock(names, branches, fuseSiblings ? siblings(c.branches(), branches) : null);
        }

        @Override
        public Block residual(Residual r) {
            String bodyName = r.body().name().isEmpty() ? "body" : r.body().name();
            Block body = compile(r.body(), Naming.join(path, bodyName));
            Block project = null;
            if (r.project()) {
                project = Conv2d.builder().setKernelShape(new Shape(1, 1))
                        .setFilters(inputOf(path).channels()).optBias(true).build();
            }
            return new ResidualBlock(bodyName, body, project, r.scale(),
                    r.activation() == dev.incept.spec.Activation.RELU);
        }

        @Override
        public Block repeat(Repeat r) {
            List<String> names = new ArrayList<>();
            List<Block> copies = new ArrayList<>();
            for (int i = 1; i <= r.times(); i++) {
                names.add(Integer.toString(i));
                copies.add(compile(r.body(), Naming.join(path, Integer.toString(i))));
            }
            return new SequenceBlock(names, copies);
        }
    }
}
