package dev.incept.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import java.util.List;

/**
 * The 1x1 convolutions that open several branches of one Inception block all read the block's
 * input; run as one convolution with their filters stacked, they read it once and make one larger
 * matrix product instead of several thin ones, then the result is split back per branch. The
 * maths is the same: each output channel still sees only its own filter (and bias), and each
 * branch keeps its own parameters, names and batch norm, so checkpoints, parameter counts and
 * initialisation do not change. The weights are stacked on every call so that gradients flow back
 * to each branch's own parameter through the engine's autograd.
 */
final class SiblingConvs {
    private final List<Integer> branches;
    private final List<Conv2d> convs;
    private final long[] splits;
    private final boolean bias;

    /** {@code convs.get(i)} opens branch {@code branches.get(i)}; all are 1x1, stride 1, unpadded. */
    SiblingConvs(List<Integer> branches, List<Conv2d> convs, List<Integer> filters, boolean bias) {
        if (branches.size() < 2 || branches.size() != convs.size() || convs.size() != filters.size()) {
            throw new IllegalArgumentException("fusing needs two or more convolutions, one per branch");
        }
        this.branches = List.copyOf(branches);
        this.convs = List.copyOf(convs);
        this.bias = bias;
        this.splits = new long[filters.size() - 1];
        long at = 0;
        for (int i = 0; i < splits.length; i++) {
            at += filters.get(i);
            splits[i] = at;
        }
    }

    List<Integer> branches() {
        return branches;
    }

    /** The fused convolution's output, split into one array per fused branch, in {@link #branches()} order. */
    NDList forward(ParameterStore ps, NDArray x, boolean training) {
        NDList weights = new NDList(convs.size());
        NDList biases = new NDList(convs.size());
        for (Conv2d conv : convs) {
            weights.add(value(ps, conv, "weight", x, training));
            if (bias) {
                biases.add(value(ps, conv, "bias", x, training));
            }
        }
        NDArray w = NDArrays.concat(weights, 0);
        NDArray b = bias ? NDArrays.concat(biases, 0) : null;
        NDArray y = Conv2d.conv2d(x, w, b, new Shape(1, 1), new Shape(0, 0), new Shape(1, 1), 1).singletonOrThrow();
        return y.split(splits, 1);
    }

    private static NDArray value(ParameterStore ps, Conv2d conv, String name, NDArray x, boolean training) {
        Parameter p = conv.getParameters().get(name);
        return ps.getValue(p, x.getDevice(), training);
    }
}
