package dev.incept.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.util.PairList;

/**
 * Joins branch outputs on the channel axis (axis 1). On MXNet it calls the engine's own Concat
 * operator instead of the numpy concatenate behind {@link NDArrays#concat}: only the former runs
 * through oneDNN, which keeps the branches' blocked 8-channel layout. From the plain layout that
 * numpy concatenate leaves, the pooling branch of the next Inception block runs oneDNN's reference
 * kernel (simple_nchw) instead of its JIT one, and every 1x1 convolution after it pays a layout
 * reorder (bench/cpu-2026-11-24-onednn.md has the trace). Same maths.
 */
final class ChannelConcat {
    private ChannelConcat() {
    }

    static NDArray join(NDList parts) {
        if (parts.size() == 1) {
            return parts.head();
        }
        NDArray first = parts.head();
        if (!"MXNet".equals(first.getManager().getEngine().getEngineName())) {
            return NDArrays.concat(parts, 1);
        }
        PairList<String, Object> params = new PairList<>();
        params.add("dim", 1);
        params.add("num_args", parts.size());
        return first.getManager().invoke("Concat", parts, params).singletonOrThrow();
    }
}
