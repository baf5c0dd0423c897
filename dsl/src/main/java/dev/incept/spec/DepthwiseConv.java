package dev.incept.spec;

/**
 * A depthwise convolution (Keras's DepthwiseConv2D, PyTorch's Conv2d with groups equal to the
 * input's channels): each input channel convolved on its own into {@code multiplier} channels, so
 * the output has input channels x multiplier; optionally followed by batch norm and an activation.
 */
public record DepthwiseConv(String name, int kernelH, int kernelW, int strideH, int strideW, Padding padding, int multiplier,
                            boolean batchNorm, ActivationKind activation, boolean bias) implements Layer {
    public DepthwiseConv {
        name = Naming.orEmpty(name);
        padding = padding == null ? Padding.SAME : padding;
        activation = activation == null ? ActivationKind.LINEAR : activation;
    }

    /** Keras's defaults: multiplier 1, "same" here, a bias, no batch norm, no activation. */
    public static DepthwiseConv of(int kernelH, int kernelW) {
        return new DepthwiseConv("", kernelH, kernelW, 1, 1, Padding.SAME, 1, false, ActivationKind.LINEAR, true);
    }

    public DepthwiseConv named(String name) {
        return new DepthwiseConv(name, kernelH, kernelW, strideH, strideW, padding, multiplier, batchNorm, activation, bias);
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.depthwiseConv(this);
    }

    public DepthwiseConv stride(int s) {
        return new DepthwiseConv(name, kernelH, kernelW, s, s, padding, multiplier, batchNorm, activation, bias);
    }

    public DepthwiseConv padding(Padding p) {
        return new DepthwiseConv(name, kernelH, kernelW, strideH, strideW, p, multiplier, batchNorm, activation, bias);
    }

    public DepthwiseConv valid() {
        return padding(Padding.VALID);
    }

    public DepthwiseConv multiplier(int m) {
        return new DepthwiseConv(name, kernelH, kernelW, strideH, strideW, padding, m, batchNorm, activation, bias);
    }

    /** Batch norm after it, and no bias. */
    public DepthwiseConv batchNorm(boolean on) {
        return new DepthwiseConv(name, kernelH, kernelW, strideH, strideW, padding, multiplier, on, activation, !on);
    }

    public DepthwiseConv activation(ActivationKind a) {
        return new DepthwiseConv(name, kernelH, kernelW, strideH, strideW, padding, multiplier, batchNorm, a, bias);
    }

    public DepthwiseConv bias(boolean on) {
        return new DepthwiseConv(name, kernelH, kernelW, strideH, strideW, padding, multiplier, batchNorm, activation, on);
    }
}
