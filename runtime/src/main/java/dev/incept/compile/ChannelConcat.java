package dev.incept.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.util.PairList;
import dev.incept.engine.EngineChoice;

/**
 * Joins branch outputs on the channel axis (axis 1). On MXNet it calls the engine's own Concat
 * operator instead of the numpy concatenate behind {@link NDArrays#concat}: only the former runs
 * through oneDNN, which keeps the branches' blocked 8-channel layout. From the plain layout that
 * numpy concatenate leaves, the pooling branch of the next Inception block runs oneDNN's reference
 * kernel (simple_nchw) instead of its JIT one, and every 1x1 convolution after it pays a layout
 * reorder (bench/DECISIONS.md#mxnet-concat). Same maths.
 *
 * <p>Only where every part's width is a whole number of those 8-channel blocks: with a part of,
 * say, 10 channels (InceptionNeXt's slices), the operator's backward pass fails in oneDNN ("could
 * not construct a sub-memory"), and numpy concatenate is both right and what the layout allows.
 */
final class ChannelConcat {
    private ChannelConcat() {
    }

    static NDArray join(NDList parts) {
        if (parts.size() == 1) {
            return parts.head();
        }
        NDArray first = parts.head();
        if (EngineChoice.of(first.getManager()) != EngineChoice.MXNET || !wholeBlocks(parts)) {
            return NDArrays.concat(parts, 1);
        }
        PairList<String, Object> params = new PairList<>();
        params.add("dim", 1);
        params.add("num_args", parts.size());
        return first.getManager().invoke("Concat", parts, params).singletonOrThrow();
    }

    private static boolean wholeBlocks(NDList parts) {
        for (NDArray p : parts) {
            if (p.getShape().get(1) % 8 != 0) {
                return false;
            }
        }
        return true;
    }
}
