package dev.incept.analysis;

import dev.incept.spec.Activation;
import dev.incept.spec.ActivationKind;
import dev.incept.spec.BatchNorm;
import dev.incept.spec.Flatten;
import dev.incept.spec.LayerNorm;
import dev.incept.spec.LayerScale;
import dev.incept.spec.SqueezeExcite;
import dev.incept.spec.Lrn;
import dev.incept.spec.AdaptiveAvgPool;
import dev.incept.spec.Concat;
import dev.incept.spec.Conv;
import dev.incept.spec.Dense;
import dev.incept.spec.DepthwiseConv;
import dev.incept.spec.Dropout;
import dev.incept.spec.GlobalPool;
import dev.incept.spec.GroupNorm;
import dev.incept.spec.Layer;
import dev.incept.spec.Limits;
import dev.incept.spec.LayerVisitor;
import dev.incept.spec.Naming;
import dev.incept.spec.Network;
import dev.incept.spec.Padding;
import dev.incept.spec.Pool;
import dev.incept.spec.Repeat;
import dev.incept.spec.Residual;
import dev.incept.spec.SeparableConv;
import dev.incept.spec.Sequence;
import dev.incept.spec.ChannelSplit;
import dev.incept.spec.FeatureShape;
import dev.incept.spec.SpecException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a description for one input shape: infers every output shape, counts parameters and
 * multiply-adds, tracks the receptive field, and rejects anything that could not run, naming the
 * block path and the numbers. Multiply-adds count convolutions and dense layers (pooling, batch
 * norm and additions are negligible and left out, as in the papers' and frameworks' figures).
 */
public final class Analyzer {

    private final Convention convention;
    /** The children lists being filled, innermost on top; the bottom one receives the top-level layers. */
    private final Deque<List<ResolvedLayer>> open = new ArrayDeque<>(List.of(new ArrayList<>()));
    private long trainable;
    private long batchNormBuffers;
    private long macs;

    private Analyzer(Convention convention) {
        this.convention = convention;
    }

    public static Analysis analyze(Network network) {
        return analyze(network, network.input(), Convention.PYTORCH, true);
    }

    public static Analysis analyze(Network network, Convention convention, boolean includeAux) {
        return analyze(network, network.input(), convention, includeAux);
    }

    public static Analysis analyze(Network network, FeatureShape input, Convention convention, boolean includeAux) {
        if (network == null || input == null || convention == null) {
            throw new SpecException("", "analysis needs a network, an input shape and a convention");
        }
        checkInput(input);
        Analyzer main = new Analyzer(convention);
        State in = new State(input, ReceptiveField.PIXEL);
        State out = main.sequence("", -1, network.layers(), in);
        List<ResolvedLayer> layers = main.open.pop();

        Softmax.onlyAtTheEnd(layers);
        Analyzer aux = new Analyzer(convention);
        List<ResolvedAux> resolvedAux = AuxHeads.resolve(network.auxHeads(), layers, out.shape, aux);
        resolvedAux.forEach(a -> Softmax.onlyAtTheEnd(a.layers()));
        Map<String, FeatureShape> auxOutputs = new LinkedHashMap<>();
        resolvedAux.forEach(a -> auxOutputs.put(a.name(), a.layers().get(a.layers().size() - 1).output()));

        List<BlockReport> blocks = new ArrayList<>();
        flatten(layers, blocks);
        long trainableTotal = main.trainable;
        long batchNormBufferTotal = main.batchNormBuffers;
        long macTotal = main.macs;
        if (includeAux) {
            for (ResolvedAux a : resolvedAux) {
                flatten(a.layers(), blocks);
            }
            trainableTotal = add("", trainableTotal, aux.trainable);
            batchNormBufferTotal = add("", batchNormBufferTotal, aux.batchNormBuffers);
            macTotal = add("", macTotal, aux.macs);
        }
        return new Analysis(network.name(), input, convention, includeAux, out.shape,
                add("", trainableTotal, batchNormBufferTotal), trainableTotal, macTotal, blocks, auxOutputs, layers, resolvedAux);
    }

    private static void flatten(List<ResolvedLayer> layers, List<BlockReport> into) {
        for (ResolvedLayer l : layers) {
            into.add(l.report());
            flatten(l.children(), into);
        }
    }

    /** Analyse a single layer on its own (the factorization helpers compare blocks this way). */
    public static BlockReport analyze(Layer layer, FeatureShape input, Convention convention) {
        checkInput(input);
        Analyzer a = new Analyzer(convention);
        String name = layer.name().isEmpty() ? layer.defaultName() : layer.name();
        a.walk(layer, name, name, 0, new State(input, ReceptiveField.PIXEL));
        return a.open.pop().get(0).report();
    }

    private static void checkInput(FeatureShape input) {
        if (input.channels() <= 0 || input.height() <= 0 || input.width() <= 0 || input.flat()) {
            throw new SpecException("", "input must be positive channels x height x width, got "
                    + input.channels() + "x" + input.height() + "x" + input.width() + (input.flat() ? " (flat)" : ""));
        }
    }

    private record State(FeatureShape shape, ReceptiveField field) {
    }

    /** Resolves an aux head's layers under {@code path}, from a block's output, counting them in this analyser. */
    List<ResolvedLayer> head(String path, List<Layer> layers, FeatureShape shape, ReceptiveField field) {
        open.push(new ArrayList<>());
        sequence(path, 0, layers, new State(shape, field));
        return open.pop();
    }

    private State sequence(String path, int depth, List<Layer> layers, State in) {
        if (layers.isEmpty()) {
            throw new SpecException(path, "a sequence needs at least one layer");
        }
        List<String> names = Naming.sequenceNames(path, layers);
        State s = in;
        for (int i = 0; i < layers.size(); i++) {
            s = walk(layers.get(i), Naming.join(path, names.get(i)), names.get(i), depth + 1, s);
        }
        return s;
    }

    /** Resolves one layer into the list on top of {@link #open}; returns its output. */
    private State walk(Layer layer, String path, String segment, int depth, State in) {
        if (depth > Limits.MAX_NESTING) {
            throw new SpecException(path, "blocks are nested more than " + Limits.MAX_NESTING + " deep");
        }
        long t0 = trainable;
        long f0 = batchNormBuffers;
        long m0 = macs;
        open.push(new ArrayList<>());
        State out = layer.accept(new Stepper(path, depth), in);
        List<ResolvedLayer> children = open.pop();
        if (out.shape.elements() > Integer.MAX_VALUE) {
            throw new SpecException(path, "one example's output, " + out.shape + ", has " + out.shape.elements()
                    + " values; an engine's tensor holds at most " + Integer.MAX_VALUE);
        }
        open.peek().add(new ResolvedLayer(path, segment, layer, depth, in.shape, out.shape,
                (trainable - t0) + (batchNormBuffers - f0), trainable - t0, macs - m0, out.field, children));
        return out;
    }

    /** One layer's step for its input state; the context each method is handed is that input. */
    private final class Stepper implements LayerVisitor<State, State> {
        private final String path;
        private final int depth;

        Stepper(String path, int depth) {
            this.path = path;
            this.depth = depth;
        }

        @Override
        public State conv(State in, Conv c) {
            FeatureShape s = spatial(in, "convolution");
            positive("filters", c.filters());
            SlidingWindow w = SlidingWindow.dilated(path, c.kernelH(), c.kernelW(), c.strideH(), c.strideW(), c.dilationH(), c.dilationW(),
                    c.padding());
            FeatureShape out = w.over(s, c.filters(), false);
            if (c.groups() < 1 || s.channels() % c.groups() != 0 || c.filters() % c.groups() != 0) {
                throw new SpecException(path, c.groups() + " groups must divide both the input's " + s.channels()
                        + " channels and the " + c.filters() + " filters");
            }
            long weights = mul(path, mul(path, (long) c.kernelH() * c.kernelW(), s.channels() / c.groups()), c.filters());
            addUnit(weights, c.filters(), c.bias(), c.batchNorm(), out);
            return new State(out, w.grow(in.field));
        }

        /** A convolution's weights, then its bias or batch norm over {@code channels}; its multiply-adds on {@code out}'s grid. */
        private void addUnit(long weights, int channels, boolean bias, boolean batchNorm, FeatureShape out) {
            long b = bias ? channels : 0;
            long bnTrain = batchNorm ? (long) convention.batchNormTrainablePerChannel() * channels : 0;
            long bnBuffers = batchNorm ? (long) convention.batchNormNonTrainablePerChannel() * channels : 0;
            addParams(add(path, add(path, weights, b), bnTrain), bnBuffers);
            addMacs(mul(path, weights, (long) out.height() * out.width()));
        }

        @Override
        public State depthwiseConv(State in, DepthwiseConv c) {
            FeatureShape s = spatial(in, "convolution");
            positive("depth multiplier", c.multiplier());
            SlidingWindow w = SlidingWindow.dilated(path, c.kernelH(), c.kernelW(), c.strideH(), c.strideW(), c.dilationH(), c.dilationW(),
                    c.padding());
            int channels = outChannels(s, c.multiplier());
            FeatureShape out = w.over(s, channels, false);
            addUnit(mul(path, (long) c.kernelH() * c.kernelW(), channels), channels, c.bias(), c.batchNorm(), out);
            return new State(out, w.grow(in.field));
        }

        @Override
        public State separableConv(State in, SeparableConv c) {
            FeatureShape s = spatial(in, "convolution");
            positive("filters", c.filters());
            positive("depth multiplier", c.multiplier());
            SlidingWindow w = SlidingWindow.of(path, "kernel", c.kernelH(), c.kernelW(), c.strideH(), c.strideW(), c.padding());
            int middle = outChannels(s, c.multiplier());
            FeatureShape out = w.over(s, c.filters(), false);
            long depthwise = mul(path, (long) c.kernelH() * c.kernelW(), middle);
            addMacs(mul(path, depthwise, (long) out.height() * out.width()));
            addParams(depthwise, 0);
            addUnit(mul(path, middle, c.filters()), c.filters(), c.bias(), c.batchNorm(), out);
            return new State(out, w.grow(in.field));
        }

        private int outChannels(FeatureShape s, int multiplier) {
            long channels = (long) s.channels() * multiplier;
            if (channels > Integer.MAX_VALUE) {
                throw new SpecException(path, "depth multiplier " + multiplier + " on " + s.channels() + " channels is too large");
            }
            return (int) channels;
        }

        @Override
        public State pool(State in, Pool p) {
            FeatureShape s = spatial(in, "pooling");
            SlidingWindow w = SlidingWindow.of(path, "pool", p.kernelH(), p.kernelW(), p.strideH(), p.strideW(), p.padding());
            // Engines refuse pooling padded by more than half its window: reject it here, with the numbers.
            if (w.padH() > p.kernelH() / 2 || w.padW() > p.kernelW() / 2) {
                throw new SpecException(path, "pool padding " + w.padH() + "x" + w.padW() + " exceeds half the window "
                        + p.kernelH() + "x" + p.kernelW());
            }
            return new State(w.over(s, s.channels(), p.ceilMode()), w.grow(in.field));
        }

        @Override
        public State globalPool(State in, GlobalPool g) {
            FeatureShape s = spatial(in, "global pooling");
            return new State(FeatureShape.vector(s.channels()), in.field.window(s.height(), s.width(), 1, 1));
        }

        @Override
        public State adaptiveAvgPool(State in, AdaptiveAvgPool a) {
            FeatureShape s = spatial(in, "adaptive pooling");
            positive("output height", a.height());
            positive("output width", a.width());
            // The receptive field grows by the widest window, at the smallest step between windows.
            int kh = AdaptiveWindows.widest(s.height(), a.height());
            int kw = AdaptiveWindows.widest(s.width(), a.width());
            return new State(FeatureShape.of(s.channels(), a.height(), a.width()),
                            in.field.window(kh, kw, Math.max(1, s.height() / a.height()), Math.max(1, s.width() / a.width())));
        }

        @Override
        public State dropout(State in, Dropout d) {
            if (!(d.rate() >= 0 && d.rate() < 1)) {
                throw new SpecException(path, "dropout rate must be in [0, 1), got " + d.rate());
            }
            return in;
        }

        @Override
        public State dense(State in, Dense d) {
            positive("units", d.units());
            long features = in.shape.elements();
            long weights = mul(path, features, d.units());
            addParams(add(path, weights, d.bias() ? d.units() : 0), 0);
            addMacs(weights);
            ReceptiveField field = in.shape.flat() ? in.field : in.field.window(in.shape.height(), in.shape.width(), 1, 1);
            return new State(FeatureShape.vector(d.units()), field);
        }

        @Override
        public State sequence(State in, Sequence s) {
            return Analyzer.this.sequence(path, depth, s.layers(), in);
        }

        @Override
        public State concat(State in, Concat c) {
            if (c.branches().isEmpty()) {
                throw new SpecException(path, "a concat needs at least one branch");
            }
            List<String> names = Naming.branchNames(path, c.branches());
            List<State> outs = new ArrayList<>();
            for (int i = 0; i < c.branches().size(); i++) {
                outs.add(walk(c.branches().get(i), Naming.join(path, names.get(i)), names.get(i), depth + 1, in));
            }
            FeatureShape first = outs.get(0).shape;
            long channels = 0;
            ReceptiveField field = outs.get(0).field;
            for (int i = 0; i < outs.size(); i++) {
                FeatureShape s = outs.get(i).shape;
                if (s.flat() != first.flat() || s.height() != first.height() || s.width() != first.width()) {
                    StringBuilder sizes = new StringBuilder();
                    for (int j = 0; j < outs.size(); j++) {
                        sizes.append(j == 0 ? "" : ", ").append(names.get(j)).append(' ').append(outs.get(j).shape);
                    }
                    throw new SpecException(path, "branches disagree on spatial size: " + sizes);
                }
                channels += s.channels();
                field = field.max(outs.get(i).field);
            }
            if (channels > Integer.MAX_VALUE) {
                throw new SpecException(path, "concatenated width " + channels + " is too large");
            }
            FeatureShape out = first.flat() ? FeatureShape.vector((int) channels) : FeatureShape.of((int) channels, first.height(), first.width());
            return new State(out, field);
        }

        @Override
        public State residual(State in, Residual r) {
            FeatureShape s = spatial(in, "a residual block");
            if (r.activation() == ActivationKind.SOFTMAX) {
                throw new SpecException(path, "a residual's activation cannot be softmax; end the network with activation(softmax) instead");
            }
            if (!(r.dropPath() >= 0 && r.dropPath() < 1)) {
                throw new SpecException(path, "drop-path rate must be in [0, 1), got " + r.dropPath());
            }
            if (!Double.isFinite(r.scale()) || r.scale() < 0) {
                throw new SpecException(path, "residual scale must be finite and >= 0, got " + r.scale());
            }
            String bodyName = r.body().name().isEmpty() ? Naming.RESIDUAL_BODY : r.body().name();
            Naming.checkName(path, bodyName);
            State body = walk(r.body(), Naming.join(path, bodyName), bodyName, depth + 1, in);
            // What the body is added to: the input, or the shortcut's output, resolved after the body.
            State target = in;
            String against = "the input";
            if (r.shortcut() == null) {
                project(r, body, in.shape.channels());
            } else {
                String cut = r.shortcut().name().isEmpty() ? Naming.SHORTCUT : r.shortcut().name();
                Naming.checkName(path, cut);
                if (cut.equals(bodyName) || cut.equals(Naming.PROJECTION)) {
                    throw new SpecException(path, "the shortcut and the body are both named '" + cut + "'");
                }
                target = resolveShortcut(r, cut, body, in);
                against = "the shortcut";
            }
            FeatureShape t = target.shape;
            FeatureShape b = body.shape;
            if (t.flat() || b.flat() || b.height() != t.height() || b.width() != t.width()) {
                throw new SpecException(path, "body output " + b + " must have the grid of " + against + ", " + t);
            }
            return new State(t, target.field.max(body.field));
        }

        /** The projection (when asked for) of the body to the width it is added to, then the shortcut. */
        private State resolveShortcut(Residual r, String cut, State body, State in) {
            // The shortcut's width is needed to project the body: resolve it in a scratch analyser.
            Analyzer scratch = new Analyzer(convention);
            State t = r.shortcut().accept(scratch.new Stepper(Naming.join(path, cut), depth + 1), in);
            project(r, body, t.shape.channels());
            return walk(r.shortcut(), Naming.join(path, cut), cut, depth + 1, in);
        }

        private void project(Residual r, State body, int width) {
            if (r.project()) {
                // The body's output, projected to the width it is added to, is an ordinary
                // convolution: resolved, counted and compiled like any other.
                Conv projection = new Conv(Naming.PROJECTION, width, 1, 1, 1, 1, Padding.VALID, false, ActivationKind.LINEAR, true);
                walk(projection, Naming.join(path, Naming.PROJECTION), Naming.PROJECTION, depth + 1, body);
            } else if (body.shape.channels() != width) {
                throw new SpecException(path, "body width " + body.shape.channels() + " differs from the width "
                        + width + " it is added to and the residual has no projection");
            }
        }

        @Override
        public State repeat(State in, Repeat r) {
            if (r.times() < 1 || r.times() > Limits.MAX_REPEAT) {
                throw new SpecException(path, "repeat count must be in 1.." + Limits.MAX_REPEAT + ", got " + r.times());
            }
            long expanded = ExpandedSize.of(r);
            if (expanded > ExpandedSize.MAX_LAYERS) {
                throw new SpecException(path, "the repeat unrolls to " + (expanded == Long.MAX_VALUE ? "more than 2^63" : String.format(java.util.Locale.ROOT, "%,d", expanded))
                        + " layers; a description may resolve to at most " + String.format(java.util.Locale.ROOT, "%,d", ExpandedSize.MAX_LAYERS));
            }
            State s = in;
            for (int i = 1; i <= r.times(); i++) {
                s = walk(r.body(), Naming.join(path, Integer.toString(i)), Integer.toString(i), depth + 1, s);
            }
            return s;
        }

        @Override
        public State batchNorm(State in, BatchNorm b) {
            if (!(b.epsilon() > 0) || !Double.isFinite(b.epsilon())) {
                throw new SpecException(path, "batch norm epsilon must be finite and > 0, got " + b.epsilon());
            }
            if (!(b.momentum() >= 0 && b.momentum() < 1)) {
                throw new SpecException(path, "batch norm momentum must be in [0, 1), got " + b.momentum());
            }
            // A standalone batch norm always has its scale, in Keras as in PyTorch.
            long channels = in.shape.channels();
            addParams(2 * channels, (long) convention.batchNormNonTrainablePerChannel() * channels);
            return in;
        }

        @Override
        public State activation(State in, Activation a) {
            return in;
        }

        @Override
        public State layerNorm(State in, LayerNorm n) {
            if (!(n.epsilon() > 0) || !Double.isFinite(n.epsilon())) {
                throw new SpecException(path, "layer norm epsilon must be finite and > 0, got " + n.epsilon());
            }
            addParams(2L * in.shape.channels(), 0);
            return in;
        }

        @Override
        public State groupNorm(State in, GroupNorm g) {
            int channels = in.shape.channels();
            if (g.groups() < 1 || channels % g.groups() != 0) {
                throw new SpecException(path, "group norm's " + g.groups() + " groups must divide the input's " + channels + " channels");
            }
            if (!(g.epsilon() > 0) || !Double.isFinite(g.epsilon())) {
                throw new SpecException(path, "group norm epsilon must be finite and > 0, got " + g.epsilon());
            }
            addParams(2L * channels, 0);
            return in;
        }

        @Override
        public State layerScale(State in, LayerScale s) {
            if (!Double.isFinite(s.init())) {
                throw new SpecException(path, "layer scale's initial value must be finite, got " + s.init());
            }
            addParams(in.shape.channels(), 0);
            return in;
        }

        @Override
        public State squeezeExcite(State in, SqueezeExcite g) {
            FeatureShape s = spatial(in, "a squeeze-and-excitation gate");
            if (g.reduction() < 1 || g.reduction() > s.channels()) {
                throw new SpecException(path, "squeeze-and-excitation reduction must be in 1.." + s.channels()
                        + " (the input's channels), got " + g.reduction());
            }
            if (g.activation() == ActivationKind.SOFTMAX) {
                throw new SpecException(path, "softmax cannot be a squeeze-and-excitation gate's inner activation");
            }
            long c = s.channels();
            long hidden = g.hidden(s.channels());
            // Two 1x1 convolutions with biases on the pooled vector, as SENet's two FC layers.
            addParams(2 * c * hidden + hidden + c, 0);
            addMacs(2 * c * hidden);
            // The gate's pooled statistic sees the whole grid; like SENet's own accounts, the
            // receptive field stays that of the windows that produced x.
            return in;
        }

        @Override
        public State split(State in, ChannelSplit sp) {
            FeatureShape s = spatial(in, "a channel split");
            if (sp.branches().isEmpty() || sp.sizes().size() != sp.branches().size()) {
                throw new SpecException(path, "a split needs one size per branch, got " + sp.sizes().size() + " sizes for "
                        + sp.branches().size() + " branches");
            }
            long total = 0;
            for (int size : sp.sizes()) {
                positive("split size", size);
                total += size;
            }
            if (total != s.channels()) {
                throw new SpecException(path, "split sizes " + sp.sizes() + " add up to " + total + ", not the input's "
                        + s.channels() + " channels");
            }
            List<String> names = Naming.branchNames(path, sp.branches());
            long channels = 0;
            ReceptiveField field = in.field;
            for (int i = 0; i < sp.branches().size(); i++) {
                State slice = new State(FeatureShape.of(sp.sizes().get(i), s.height(), s.width()), in.field);
                State out = walk(sp.branches().get(i), Naming.join(path, names.get(i)), names.get(i), depth + 1, slice);
                if (out.shape.flat() || out.shape.height() != s.height() || out.shape.width() != s.width()) {
                    throw new SpecException(Naming.join(path, names.get(i)), "a split's branch must keep the grid "
                            + s.height() + "x" + s.width() + ", got " + out.shape);
                }
                channels += out.shape.channels();
                field = field.max(out.field);
            }
            if (channels > Integer.MAX_VALUE) {
                throw new SpecException(path, "concatenated width " + channels + " is too large");
            }
            return new State(FeatureShape.of((int) channels, s.height(), s.width()), field);
        }

        @Override
        public State flatten(State in, Flatten f) {
            if (in.shape.flat()) {
                return in;
            }
            FeatureShape s = in.shape;
            if (s.elements() > Integer.MAX_VALUE) {
                throw new SpecException(path, "flattening " + s + " gives " + s.elements() + " values, more than a tensor axis holds");
            }
            // The vector as a whole sees the whole grid, as a global pool's does.
            return new State(FeatureShape.vector((int) s.elements()), in.field.window(s.height(), s.width(), 1, 1));
        }

        @Override
        public State lrn(State in, Lrn l) {
            spatial(in, "local response normalisation");
            if (l.size() < 1 || l.size() % 2 == 0) {
                throw new SpecException(path, "lrn size must be a positive odd number of channels, got " + l.size());
            }
            if (!(l.alpha() >= 0) || !(l.beta() >= 0) || !(l.k() > 0) || !Double.isFinite(l.alpha() + l.beta() + l.k())) {
                throw new SpecException(path, "lrn needs alpha >= 0, beta >= 0 and k > 0, got alpha " + l.alpha()
                        + ", beta " + l.beta() + ", k " + l.k());
            }
            return in;
        }

        private FeatureShape spatial(State in, String what) {
            if (in.shape.flat()) {
                throw new SpecException(path, what + " needs a spatial input, got a flat vector of " + in.shape.channels());
            }
            return in.shape;
        }

        private void positive(String what, int value) {
            SlidingWindow.positive(path, what, value);
        }
    }

    private void addParams(long train, long nonTrain) {
        trainable = add("", trainable, train);
        batchNormBuffers = add("", batchNormBuffers, nonTrain);
    }

    private void addMacs(long m) {
        macs = add("", macs, m);
    }

    static long add(String path, long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw overflow(path, e);
        }
    }

    static long mul(String path, long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw overflow(path, e);
        }
    }

    private static SpecException overflow(String path, ArithmeticException e) {
        return new SpecException(path, "the network is too large to count (arithmetic overflow)", e);
    }
}
