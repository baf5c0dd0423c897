package dev.incept.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import dev.incept.analysis.AdaptiveWindows;

/**
 * Adaptive average pooling from an inH x inW grid to outH x outW, cut as PyTorch cuts it
 * ({@link AdaptiveWindows}), with the same operations on both engines (DJL offers it on PyTorch
 * only). Where the windows tile the grid evenly it is one average pool; otherwise each output
 * cell is the mean of its window, and the cells are joined.
 */
final class AdaptiveAveragePool {
    private AdaptiveAveragePool() {
    }

    static NDArray apply(NDArray x, int inH, int inW, int outH, int outW) {
        if (inH % outH == 0 && inW % outW == 0) {
            Shape window = new Shape(inH / outH, inW / outW);
            return Pool.avgPool2d(x, window, window, new Shape(0, 0), false, true);
        }
        NDList rows = new NDList(outH);
        for (int i = 0; i < outH; i++) {
            NDList cells = new NDList(outW);
            for (int j = 0; j < outW; j++) {
                NDArray window = x.get(new NDIndex(":, :, {}:{}, {}:{}", AdaptiveWindows.start(i, inH, outH), AdaptiveWindows.end(i, inH, outH),
                        AdaptiveWindows.start(j, inW, outW), AdaptiveWindows.end(j, inW, outW)));
                // One axis at a time: PyTorch's reductions take one; a mean of equal-length row means is the mean.
                cells.add(window.mean(new int[] {3}, true).mean(new int[] {2}, true));
            }
            rows.add(NDArrays.concat(cells, 3));
        }
        return NDArrays.concat(rows, 2);
    }
}
