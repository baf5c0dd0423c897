package dev.incept.spec;

/**
 * Keras's SeparableConv2D, one layer in the summary: a depthwise k x k convolution (input channels
 * x multiplier, no bias) then a pointwise 1x1 to {@code filters}, which carries the bias, the batch
 * norm and the activation. Xception's unit: spatial and cross-channel correlations fully separated.
 */
public record SeparableConv(String name, int filters, int kernelH, int kernelW, int strideH, int strideW, Padding padding,
                            int multiplier, boolean batchNorm, ActivationKind activation, boolean bias) implements Layer {
    public SeparableConv {
        name = Naming.orEmpty(name);
        padding = padding == null ? Padding.SAME : padding;
        activation = activation == null ? ActivationKind.LINEAR : activation;
    }

    /** Keras's defaults: multiplier 1, "same" here, a bias, no batch norm, no activation. */
    public static SeparableConv of(int filters, int kernelH, int kernelW) {
        return new SeparableConv("", filters, kernelH, kernelW, 1, 1, Padding.SAME, 1, false, ActivationKind.LINEAR, true);
    }

    public SeparableConv named(String name) {
        return new SeparableConv(name, filters, kernelH, kernelW, strideH, strideW, padding, multiplier, batchNorm, activation, bias);
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.separableConv(this);
    }

    public SeparableConv stride(int s) {
        return new SeparableConv(name, filters, kernelH, kernelW, s, s, padding, multiplier, batchNorm, activation, bias);
    }

    public SeparableConv padding(Padding p) {
        return new SeparableConv(name, filters, kernelH, kernelW, strideH, strideW, p, multiplier, batchNorm, activation, bias);
    }

    public SeparableConv multiplier(int m) {
        return new SeparableConv(name, filters, kernelH, kernelW, strideH, strideW, padding, m, batchNorm, activation, bias);
    }

    /** Batch norm after the pointwise convolution, and no bias. */
    public SeparableConv batchNorm(boolean on) {
        return new SeparableConv(name, filters, kernelH, kernelW, strideH, strideW, padding, multiplier, on, activation, !on);
    }

    public SeparableConv activation(ActivationKind a) {
        return new SeparableConv(name, filters, kernelH, kernelW, strideH, strideW, padding, multiplier, batchNorm, a, bias);
    }

    public SeparableConv bias(boolean on) {
        return new SeparableConv(name, filters, kernelH, kernelW, strideH, strideW, padding, multiplier, batchNorm, activation, on);
    }
}
