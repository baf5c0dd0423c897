package dev.incept.spec;

/**
 * A 2-D convolution with any kernel shape, optionally followed by batch norm and an activation.
 * With {@code groups} above 1 the input and output channels are cut into that many groups, each
 * convolved on its own (ResNeXt's and timm's grouped convolutions); both widths must divide.
 */
public record Conv(String name, int filters, int kernelH, int kernelW, int strideH, int strideW,
                   Padding padding, boolean batchNorm, ActivationKind activation, boolean bias, int groups) implements Layer {

    public Conv {
        name = Naming.orEmpty(name);
        padding = padding == null ? Padding.SAME : padding;
        activation = activation == null ? ActivationKind.RELU : activation;
    }

    /** One group: the ordinary convolution. */
    public Conv(String name, int filters, int kernelH, int kernelW, int strideH, int strideW,
                Padding padding, boolean batchNorm, ActivationKind activation, boolean bias) {
        this(name, filters, kernelH, kernelW, strideH, strideW, padding, batchNorm, activation, bias, 1);
    }

    /** Conv + batch norm + ReLU with "same" padding and no bias: the unit every Inception paper stacks. */
    public static Conv of(int filters, int kernelH, int kernelW) {
        return new Conv("", filters, kernelH, kernelW, 1, 1, Padding.SAME, true, ActivationKind.RELU, false, 1);
    }

    public Conv named(String name) {
        return new Conv(name, filters, kernelH, kernelW, strideH, strideW, padding, batchNorm, activation, bias, groups);
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.conv(this);
    }

    public Conv stride(int s) {
        return stride(s, s);
    }

    public Conv stride(int sh, int sw) {
        return new Conv(name, filters, kernelH, kernelW, sh, sw, padding, batchNorm, activation, bias, groups);
    }

    public Conv padding(Padding p) {
        return new Conv(name, filters, kernelH, kernelW, strideH, strideW, p, batchNorm, activation, bias, groups);
    }

    public Conv valid() {
        return padding(Padding.VALID);
    }

    public Conv same() {
        return padding(Padding.SAME);
    }

    public Conv pad(int ph, int pw) {
        return padding(Padding.explicit(ph, pw));
    }

    /** Without batch norm a convolution carries a bias, as in GoogLeNet and residual projections. */
    public Conv noBatchNorm() {
        return new Conv(name, filters, kernelH, kernelW, strideH, strideW, padding, false, activation, true, groups);
    }

    public Conv batchNorm(boolean on) {
        return new Conv(name, filters, kernelH, kernelW, strideH, strideW, padding, on, activation, !on, groups);
    }

    public Conv activation(ActivationKind a) {
        return new Conv(name, filters, kernelH, kernelW, strideH, strideW, padding, batchNorm, a, bias, groups);
    }

    /** No activation: a linear convolution. */
    public Conv linear() {
        return activation(ActivationKind.LINEAR);
    }

    public Conv bias(boolean on) {
        return new Conv(name, filters, kernelH, kernelW, strideH, strideW, padding, batchNorm, activation, on, groups);
    }

    /** Cut into {@code g} groups of input and output channels. */
    public Conv groups(int g) {
        return new Conv(name, filters, kernelH, kernelW, strideH, strideW, padding, batchNorm, activation, bias, g);
    }
}
