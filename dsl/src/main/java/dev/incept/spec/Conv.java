package dev.incept.spec;

/** A 2-D convolution with any kernel shape, optionally followed by batch norm and an activation. */
public record Conv(String name, int filters, int kernelH, int kernelW, int strideH, int strideW,
                   Padding padding, boolean batchNorm, ActivationKind activation, boolean bias) implements Layer {

    public Conv {
        name = Naming.orEmpty(name);
        padding = padding == null ? Padding.SAME : padding;
        activation = activation == null ? ActivationKind.RELU : activation;
    }

    /** Conv + batch norm + ReLU with "same" padding and no bias: the unit every Inception paper stacks. */
    public static Conv of(int filters, int kernelH, int kernelW) {
        return new Conv("", filters, kernelH, kernelW, 1, 1, Padding.SAME, true, ActivationKind.RELU, false);
    }

    public Conv named(String name) {
        return new Conv(name, filters, kernelH, kernelW, strideH, strideW, padding, batchNorm, activation, bias);
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.conv(this);
    }

    public Conv stride(int s) {
        return stride(s, s);
    }

    public Conv stride(int sh, int sw) {
        return new Conv(name, filters, kernelH, kernelW, sh, sw, padding, batchNorm, activation, bias);
    }

    public Conv padding(Padding p) {
        return new Conv(name, filters, kernelH, kernelW, strideH, strideW, p, batchNorm, activation, bias);
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
        return new Conv(name, filters, kernelH, kernelW, strideH, strideW, padding, false, activation, true);
    }

    public Conv batchNorm(boolean on) {
        return new Conv(name, filters, kernelH, kernelW, strideH, strideW, padding, on, activation, !on);
    }

    public Conv activation(ActivationKind a) {
        return new Conv(name, filters, kernelH, kernelW, strideH, strideW, padding, batchNorm, a, bias);
    }

    /** No activation: a linear convolution. */
    public Conv linear() {
        return activation(ActivationKind.LINEAR);
    }

    public Conv bias(boolean on) {
        return new Conv(name, filters, kernelH, kernelW, strideH, strideW, padding, batchNorm, activation, on);
    }
}
