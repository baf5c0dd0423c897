package dev.incept.analysis;

import dev.incept.spec.Activation;
import dev.incept.spec.ActivationKind;
import dev.incept.spec.BatchNorm;
import dev.incept.spec.Flatten;
import dev.incept.spec.Lrn;
import dev.incept.spec.AdaptiveAvgPool;
import dev.incept.spec.Concat;
import dev.incept.spec.Conv;
import dev.incept.spec.Dense;
import dev.incept.spec.Dropout;
import dev.incept.spec.GlobalPool;
import dev.incept.spec.Layer;
import dev.incept.spec.Limits;
import dev.incept.spec.LayerVisitor;
import dev.incept.spec.Naming;
import dev.incept.spec.Network;
import dev.incept.spec.Padding;
import dev.incept.spec.Pool;
import dev.incept.spec.Repeat;
import dev.incept.spec.Residual;
import dev.incept.spec.Sequence;
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
        String name = layer.name().isEmpty() ? Naming.defaultName(layer) : layer.name();
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
        State out = layer.accept(new Stepper(path, depth, in));
        List<ResolvedLayer> children = open.pop();
        if (out.shape.elements() > Integer.MAX_VALUE) {
            throw new SpecException(path, "one example's output, " + out.shape + ", has " + out.shape.elements()
                    + " values; an engine's tensor holds at most " + Integer.MAX_VALUE);
        }
        open.peek().add(new ResolvedLayer(path, segment, layer, depth, in.shape, out.shape,
                (trainable - t0) + (batchNormBuffers - f0), trainable - t0, macs - m0, out.field, children));
        return out;
    }

    private final class Stepper implements LayerVisitor<State> {
        private final String path;
        private final int depth;
        private final State in;

        Stepper(String path, int depth, State in) {
            this.path = path;
            this.depth = depth;
            this.in = in;
        }

        @Override
        public State conv(Conv c) {
            FeatureShape s = spatial("convolution");
            positive("filters", c.filters());
            SlidingWindow w = SlidingWindow.of(path, "kernel", c.kernelH(), c.kernelW(), c.strideH(), c.strideW(), c.padding());
            FeatureShape out = w.over(s, c.filters(), false);
            long weights = mul(path, mul(path, (long) c.kernelH() * c.kernelW(), s.channels()), c.filters());
            long bias = c.bias() ? c.filters() : 0;
            long bnTrain = c.batchNorm() ? (long) convention.batchNormTrainablePerChannel() * c.filters() : 0;
            long bnBuffers = c.batchNorm() ? (long) convention.batchNormNonTrainablePerChannel() * c.filters() : 0;
            addParams(add(path, add(path, weights, bias), bnTrain), bnBuffers);
            addMacs(mul(path, weights, (long) out.height() * out.width()));
            return new State(out, w.grow(in.field));
        }

        @Override
        public State pool(Pool p) {
            FeatureShape s = spatial("pooling");
            SlidingWindow w = SlidingWindow.of(path, "pool", p.kernelH(), p.kernelW(), p.strideH(), p.strideW(), p.padding());
            // Engines refuse pooling padded by more than half its window: reject it here, with the numbers.
            if (w.padH() > p.kernelH() / 2 || w.padW() > p.kernelW() / 2) {
                throw new SpecException(path, "pool padding " + w.padH() + "x" + w.padW() + " exceeds half the window "
                        + p.kernelH() + "x" + p.kernelW());
            }
            return new State(w.over(s, s.channels(), p.ceilMode()), w.grow(in.field));
        }

        @Override
        public State globalPool(GlobalPool g) {
            FeatureShape s = spatial("global pooling");
            return new State(FeatureShape.vector(s.channels()), in.field.window(s.height(), s.width(), 1, 1));
        }

        @Override
        public State adaptiveAvgPool(AdaptiveAvgPool a) {
            FeatureShape s = spatial("adaptive pooling");
            positive("output height", a.height());
            positive("output width", a.width());
            // The receptive field grows by the widest window, at the smallest step between windows.
            int kh = AdaptiveWindows.widest(s.height(), a.height());
            int kw = AdaptiveWindows.widest(s.width(), a.width());
            return new State(FeatureShape.of(s.channels(), a.height(), a.width()),
                            in.field.window(kh, kw, Math.max(1, s.height() / a.height()), Math.max(1, s.width() / a.width())));
        }

        @Override
        public State dropout(Dropout d) {
            if (!(d.rate() >= 0 && d.rate() < 1)) {
                throw new SpecException(path, "dropout rate must be in [0, 1), got " + d.rate());
            }
            return in;
        }

        @Override
        public State dense(Dense d) {
            positive("units", d.units());
            long features = in.shape.elements();
            long weights = mul(path, features, d.units());
            addParams(add(path, weights, d.bias() ? d.units() : 0), 0);
            addMacs(weights);
            ReceptiveField field = in.shape.flat() ? in.field : in.field.window(in.shape.height(), in.shape.width(), 1, 1);
            return new State(FeatureShape.vector(d.units()), field);
        }

        @Override
        public State sequence(Sequence s) {
            return Analyzer.this.sequence(path, depth, s.layers(), in);
        }

        @Override
        public State concat(Concat c) {
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
        public State residual(Residual r) {
            FeatureShape s = spatial("a residual block");
            if (r.activation() == ActivationKind.SOFTMAX) {
                throw new SpecException(path, "a residual's activation cannot be softmax; end the network with activation(softmax) instead");
            }
            if (!Double.isFinite(r.scale()) || r.scale() < 0) {
                throw new SpecException(path, "residual scale must be finite and >= 0, got " + r.scale());
            }
            String bodyName = r.body().name().isEmpty() ? Naming.RESIDUAL_BODY : r.body().name();
            Naming.checkName(path, bodyName);
            State body = walk(r.body(), Naming.join(path, bodyName), bodyName, depth + 1, in);
            FeatureShape b = body.shape;
            if (b.flat() || b.height() != s.height() || b.width() != s.width()) {
                throw new SpecException(path, "body output " + b + " must keep the input's grid " + s.height() + "x" + s.width());
            }
            if (r.project()) {
                // The body's output, projected back to the input's width so that the two can be
                // added, is an ordinary convolution: resolved, counted and compiled like any other.
                Conv projection = new Conv(Naming.PROJECTION, s.channels(), 1, 1, 1, 1, Padding.VALID, false, ActivationKind.LINEAR, true);
                walk(projection, Naming.join(path, Naming.PROJECTION), Naming.PROJECTION, depth + 1, new State(b, body.field));
            } else if (b.channels() != s.channels()) {
                throw new SpecException(path, "body width " + b.channels() + " differs from the input width "
                        + s.channels() + " and the residual has no projection");
            }
            return new State(s, in.field.max(body.field));
        }

        @Override
        public State repeat(Repeat r) {
            if (r.times() < 1 || r.times() > Limits.MAX_REPEAT) {
                throw new SpecException(path, "repeat count must be in 1.." + Limits.MAX_REPEAT + ", got " + r.times());
            }
            State s = in;
            for (int i = 1; i <= r.times(); i++) {
                s = walk(r.body(), Naming.join(path, Integer.toString(i)), Integer.toString(i), depth + 1, s);
            }
            return s;
        }

        @Override
        public State batchNorm(BatchNorm b) {
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
        public State activation(Activation a) {
            return in;
        }

        @Override
        public State flatten(Flatten f) {
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
        public State lrn(Lrn l) {
            spatial("local response normalisation");
            if (l.size() < 1 || l.size() % 2 == 0) {
                throw new SpecException(path, "lrn size must be a positive odd number of channels, got " + l.size());
            }
            if (!(l.alpha() >= 0) || !(l.beta() >= 0) || !(l.k() > 0) || !Double.isFinite(l.alpha() + l.beta() + l.k())) {
                throw new SpecException(path, "lrn needs alpha >= 0, beta >= 0 and k > 0, got alpha " + l.alpha()
                        + ", beta " + l.beta() + ", k " + l.k());
            }
            return in;
        }

        private FeatureShape spatial(String what) {
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
