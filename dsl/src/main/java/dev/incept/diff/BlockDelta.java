package dev.incept.diff;

import dev.incept.spec.FeatureShape;

/**
 * One block that differs, by path: its output shape, parameters and multiply-adds in each
 * network (null shape and zero counts where the block is absent), and its depth in the tree.
 */
public record BlockDelta(String path, int depth, Change change, FeatureShape firstOutput, FeatureShape secondOutput,
                         long firstParams, long secondParams, long firstMacs, long secondMacs) {

    public long deltaParams() {
        return firstParams - secondParams;
    }

    public long deltaMacs() {
        return firstMacs - secondMacs;
    }
}
