package dev.incept.compile;

/**
 * How a description is compiled; none of these changes the parameters or the maths.
 *
 * @param fuseSiblings the 1x1 convolutions that open a block's branches run as one call ({@link SiblingConvs})
 * @param channelsLast on PyTorch, activations are stored channels-last ({@link ChannelsLast})
 */
public record CompileOptions(boolean fuseSiblings, boolean channelsLast) {
    /** No sibling fusion (it measured slower on MXNet), channels-last on PyTorch. */
    public static final CompileOptions DEFAULTS = new CompileOptions(false, true);

    public CompileOptions withFuseSiblings(boolean on) {
        return new CompileOptions(on, channelsLast);
    }

    public CompileOptions withChannelsLast(boolean on) {
        return new CompileOptions(fuseSiblings, on);
    }
}
