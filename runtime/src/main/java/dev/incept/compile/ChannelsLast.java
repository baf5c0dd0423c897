package dev.incept.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.incept.engine.EngineChoice;

/**
 * On PyTorch a compiled network hands its image input on in channels-last memory order: the same
 * N x C x H x W shape and values, stored pixel by pixel. PyTorch keeps that order through every
 * later convolution, batch norm, pool and concatenation, so one copy at the input changes the
 * kernels the whole network runs: the CPU max pool and batch norm vectorize over channels instead
 * of over a few pixels, and the oneDNN convolutions skip their per-call layout conversions
 * (bench/DECISIONS.md#channels-last-cpu). MXNet
 * arrays carry no strides (oneDNN picks its own blocked layout there), so this applies to
 * PyTorch only. On a GPU it is a measured choice ({@link CompileOptions#channelsLastOnGpu()}, on by
 * default): cuDNN runs either order, and channels-last measured faster (bench/DECISIONS.md#channels-last-gpu).
 *
 * <p>On PyTorch's CPU it is also what keeps the gradients right. In the plain order, the libtorch
 * 2.7.1 that DJL ships runs oneDNN convolutions in a channel-blocked layout padded to 8 or 16
 * channels, and its backward pass reads that padding without having written it: with 5 filters,
 * 756 of 882 input-gradient values were wrong, different from run to run, and NaN once libtorch
 * was made to fill new memory with junk; the weight gradients of the layers below went wrong with
 * them. In channels-last order the same convolutions run kernels without padding and match the
 * definition under junk-filled memory (PyTorchGradientsTest).
 */
final class ChannelsLast {
    private ChannelsLast() {
    }

    /**
     * {@code x} in channels-last order when it is a 4-D batch on PyTorch's CPU, or on its GPU when
     * {@code onGpu}; otherwise {@code x} itself.
     */
    static NDArray of(NDArray x, boolean onGpu) {
        Shape s = x.getShape();
        if (s.dimension() != 4 || (x.getDevice().isGpu() && !onGpu) || EngineChoice.of(x.getManager()) != EngineChoice.PYTORCH) {
            return x;
        }
        // The reshape of the permuted view copies it into pixel-major memory; permuting back gives
        // the caller's N x C x H x W indexing over that memory.
        return x.transpose(0, 2, 3, 1).reshape(-1).reshape(s.get(0), s.get(2), s.get(3), s.get(1)).transpose(0, 3, 1, 2);
    }
}
