package dev.incept.compile;

/**
 * How a description is compiled; none of these changes the parameters or the maths.
 *
 * <p>There is no switch for PyTorch's memory order: on its CPU a compiled network always runs
 * channels-last ({@link ChannelsLast}), because the plain order computes wrong gradients there.
 *
 * @param fuseSiblings the 1x1 convolutions that open a block's branches run as one call ({@link SiblingConvs})
 */
public record CompileOptions(boolean fuseSiblings) {
    /** No sibling fusion (it measured slower on MXNet). */
    public static final CompileOptions DEFAULTS = new CompileOptions(false);

    public CompileOptions withFuseSiblings(boolean on) {
        return new CompileOptions(on);
    }
}
