package dev.incept.compile;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/** Counts a DJL block's initialized parameters the way PyTorch does: trainable tensors only. */
public final class ParameterCount {
    private ParameterCount() {
    }

    /** Elements of every parameter that takes a gradient; batch-norm running statistics are state, not parameters. */
    public static long trainable(Block block) {
        long n = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                n += p.getValue().getArray().size();
            }
        }
        return n;
    }

    public static long all(Block block) {
        long n = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            n += p.getValue().getArray().size();
        }
        return n;
    }
}
