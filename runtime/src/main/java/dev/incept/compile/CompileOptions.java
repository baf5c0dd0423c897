package dev.incept.compile;

/**
 * How a description is compiled; none of these changes the parameters or the maths.
 *
 * <p>There is no switch for PyTorch's memory order on the CPU: there a compiled network always runs
 * channels-last ({@link ChannelsLast}), because the plain order computes wrong gradients there.
 *
 * @param fuseSiblings the 1x1 convolutions that open a block's branches run as one call ({@link SiblingConvs})
 * @param channelsLastOnGpu on a GPU too, PyTorch runs the network channels-last: on by default,
 *     because Inception-v3's training step measured faster that way than in the plain order on a
 *     GPU, in the same run (bench/DECISIONS.md#channels-last-gpu)
 */
public record CompileOptions(boolean fuseSiblings, boolean channelsLastOnGpu) {
    /** No sibling fusion (it measured slower on MXNet); channels-last on a GPU too. */
    public static final CompileOptions DEFAULTS = new CompileOptions(false, true);

    public CompileOptions withFuseSiblings(boolean on) {
        return new CompileOptions(on, channelsLastOnGpu);
    }

    public CompileOptions withChannelsLastOnGpu(boolean on) {
        return new CompileOptions(fuseSiblings, on);
    }
}
