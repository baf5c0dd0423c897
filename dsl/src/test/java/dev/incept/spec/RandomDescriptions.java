package dev.incept.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random descriptions, valid and invalid: sizes are mostly plausible with a fair share of zeros,
 * negatives, oversized kernels, bad names, bad scales and dangling aux heads.
 */
public final class RandomDescriptions {
    private final Random r;
    private final boolean faults;

    /** With {@code faults} off the values are plausible, so most descriptions are valid. */
    public RandomDescriptions(Random r, boolean faults) {
        this.r = r;
        this.faults = faults;
    }

    /** True once in {@code n} draws, never without faults. */
    private boolean rare(int n) {
        return faults && r.nextInt(n) == 0;
    }

    public Network network() {
        int c = rare(10) ? r.nextInt(3) - 1 : 1 + r.nextInt(8);
        int h = rare(12) ? r.nextInt(3) - 1 : 4 + r.nextInt(40);
        int w = r.nextInt(6) == 0 ? 4 + r.nextInt(40) : h;
        List<Layer> layers = new ArrayList<>();
        int n = rare(15) ? 0 : 1 + r.nextInt(5);
        for (int i = 0; i < n; i++) {
            layers.add(layer(3));
        }
        List<AuxHead> aux = new ArrayList<>();
        if (r.nextInt(4) == 0) {
            String after = pick("nowhere", "stem", "a", "conv3x3", "concat", "seq");
            if (n > 0 && (!faults || r.nextBoolean())) {
                try {
                    after = Naming.sequenceNames("", layers).get(r.nextInt(n));
                } catch (SpecException e) {
                    // the layers' own names are invalid; any name will do
                }
            }
            aux.add(new AuxHead(pick("", "aux", "side"), after, List.of(layer(1)), faults ? pick(0.3, 0.4, -1.0, 0.0) : 0.3));
        }
        return new Network(pick("", "net", "random"), new FeatureShape(c, h, w, false), layers, aux, pick(WeightInit.values()));
    }

    public Layer layer(int depth) {
        int kind = r.nextInt(depth > 0 ? 10 : 6);
        String name = rare(5) ? pick("a", "b", "x/y", " ", "block") : "";
        return switch (kind) {
            case 0, 1 -> new Conv(name, size(16), kernel(), kernel(), stride(), stride(), padding(), r.nextBoolean(),
                    r.nextBoolean() ? ActivationKind.RELU : ActivationKind.LINEAR, r.nextBoolean(), r.nextInt(4) == 0 ? pick(1, 2) : 1, dilation(), dilation());
            case 2 -> r.nextBoolean()
                    ? new DepthwiseConv(name, kernel(), kernel(), stride(), stride(), padding(), faults ? pick(1, 2, 0) : pick(1, 2),
                            r.nextBoolean(), ActivationKind.LINEAR, r.nextBoolean(), dilation(), dilation())
                    : new SeparableConv(name, size(16), kernel(), kernel(), stride(), stride(), padding(), 1, r.nextBoolean(),
                            r.nextBoolean() ? ActivationKind.RELU : ActivationKind.LINEAR, r.nextBoolean());
            case 3 -> new Pool(name, r.nextBoolean() ? PoolKind.MAX : PoolKind.AVG, kernel(), kernel(), stride(), stride(),
                    padding(), r.nextBoolean(), r.nextInt(4) == 0);
            case 4 -> r.nextInt(3) == 0 ? new GlobalPool(name, r.nextBoolean() ? PoolKind.MAX : PoolKind.AVG)
                    : r.nextBoolean() ? new AdaptiveAvgPool(name, faults ? pick(1, 4, 0, 40) : pick(1, 2, 4), pick(1, 2, 4))
                    : new Dropout(name, faults ? pick(0.0, 0.2, 0.5, 0.99, 1.0, -0.1, Double.NaN) : pick(0.0, 0.2, 0.5));
            case 5 -> switch (r.nextInt(8)) {
                case 0 -> new BatchNorm(name, faults ? pick(1e-3, 1e-5, 0.0, -1.0) : pick(1e-3, 1e-5), faults ? pick(0.99, 0.9, 1.0) : pick(0.99, 0.9));
                case 1 -> new Activation(name, faults ? pick(ActivationKind.values()) : pick(ActivationKind.GELU, ActivationKind.SILU,
                        ActivationKind.RELU6, ActivationKind.HARD_SWISH, ActivationKind.TANH, ActivationKind.SIGMOID, ActivationKind.GELU_TANH));
                case 2 -> new Lrn(name, faults ? pick(5, 3, 1, 4, 0) : pick(5, 3, 1), 1e-4, 0.75, faults ? pick(1.0, 2.0, 0.0) : pick(1.0, 2.0));
                case 3 -> r.nextInt(4) == 0 ? new Flatten(name) : new Dense(name, size(20), r.nextBoolean(), ActivationKind.LINEAR);
                case 4 -> switch (r.nextInt(3)) {
                    case 0 -> new LayerNorm(name, faults ? pick(1e-6, 0.0) : 1e-6);
                    case 1 -> new GroupNorm(name, faults ? pick(1, 2, 0, 3) : 1, faults ? pick(1e-5, 0.0) : 1e-5);
                    default -> new LayerScale(name, pick(1e-6, 1.0));
                };
                case 5 -> new SqueezeExcite(name, faults ? pick(1, 4, 0, 1000) : pick(1, 2, 4), pick(ActivationKind.RELU, ActivationKind.SILU));
                default -> new Dense(name, size(20), r.nextBoolean(), r.nextBoolean() ? ActivationKind.RELU : ActivationKind.LINEAR);
            };
            case 6 -> new Sequence(name, children(depth - 1));
            case 7 -> new Concat(name, children(depth - 1));
            case 8 -> {
                // a 1x1 convolution to the slices' total, then the split (with faults, now and then one channel off)
                List<Layer> branches = children(depth - 1);
                List<Integer> sizes = new ArrayList<>();
                branches.forEach(x -> sizes.add(pick(1, 1, 2, 4)));
                int total = sizes.stream().mapToInt(Integer::intValue).sum() + (rare(4) ? 1 : 0);
                yield new Sequence(name, List.of(Conv.of(total, 1, 1), new ChannelSplit("", sizes, branches)));
            }
            default -> r.nextBoolean()
                    ? new Residual(name, layer(depth - 1), faults ? r.nextInt(4) != 0 : true, faults ? pick(0.1, 0.17, 1.0, 0.0, -0.2, Double.POSITIVE_INFINITY) : pick(0.1, 0.17, 1.0),
                            r.nextBoolean() ? ActivationKind.RELU : ActivationKind.LINEAR, r.nextInt(4) == 0 ? layer(0) : null)
                    : new Repeat(name, faults ? pick(1, 2, 3, 0, -1) : pick(1, 2, 3), layer(depth - 1));
        };
    }

    private List<Layer> children(int depth) {
        int n = rare(12) ? 0 : 1 + r.nextInt(3);
        List<Layer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(layer(depth));
        }
        return out;
    }

    private int size(int max) {
        return rare(12) ? r.nextInt(3) - 1 : 1 + r.nextInt(max);
    }

    private int kernel() {
        return rare(15) ? r.nextInt(3) - 1 : faults ? pick(1, 1, 3, 3, 3, 5, 7, 2, 9, 40) : pick(1, 1, 3, 3, 5);
    }

    private int dilation() {
        return rare(6) ? (faults ? pick(2, 3, 0) : pick(2, 3)) : 1;
    }

    private int stride() {
        return rare(20) ? r.nextInt(2) - 1 : pick(1, 1, 1, 1, 2);
    }

    private Padding padding() {
        return switch (r.nextInt(faults ? 6 : 5)) {
            case 0, 1, 2 -> Padding.SAME;
            case 3, 4 -> Padding.VALID;
            default -> Padding.explicit(r.nextInt(5) - 1, r.nextInt(5) - 1);
        };
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[r.nextInt(options.length)];
    }
}
