package dev.incept.compile;

import dev.incept.analysis.Windows;
import dev.incept.spec.FeatureShape;
import dev.incept.spec.Pool;

/**
 * The window a pool really runs with. A ceil-mode window wider than the padded grid (GoogLeNet at
 * 15-30 pixels) pools the whole grid into one cell, as PyTorch does; MXNet (and ONNX Runtime)
 * refuse such a kernel, so it is cut to the grid, which gives the same cell.
 */
public final class PoolWindow {
    private PoolWindow() {
    }

    /** Kernel height and width for {@code p} over an input of shape {@code in}. */
    public static int[] kernel(Pool p, FeatureShape in) {
        int[] pad = Windows.padding(p.padding(), p.kernelH(), p.kernelW());
        return new int[] {Math.min(p.kernelH(), in.height() + 2 * pad[0]), Math.min(p.kernelW(), in.width() + 2 * pad[1])};
    }
}
