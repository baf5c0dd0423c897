package dev.incept.spec;

import java.util.List;

/**
 * A 2-D convolution with any kernel shape, optionally followed by batch norm and an activation.
 * With {@code groups} above 1 the input and output channels are cut into that many groups, each
 * convolved on its own (ResNeXt's and timm's grouped convolutions); both widths must divide.
 */
public record Conv(String name, int filters, int kernelH, int kernelW, int strideH, int strideW,
                   Padding padding, boolean batchNorm, ActivationKind activation, boolean bias, int groups,
                   int dilationH, int dilationW) implements Layer {

    public static final LayerType<Conv> TYPE = LayerType.of("conv", Conv.class,
            List.of("filters", "kernel", "stride", "dilation", "padding", "batchNorm", "activation", "bias", "groups"), (in, name) -> {
                int[] k = in.pair("kernel");
                int[] s = in.optPair("stride", new int[] {1, 1});
                int[] d = in.optPair("dilation", new int[] {1, 1});
                boolean bn = in.optBool("batchNorm", true);
                return new Conv(name, in.requiredInt("filters"), k[0], k[1], s[0], s[1], in.padding(Padding.SAME), bn,
                        in.activation(ActivationKind.RELU), in.optBool("bias", !bn), in.optInt("groups", 1), d[0], d[1]);
            }, (c, out) -> {
                out.put("filters", c.filters());
                out.pair("kernel", c.kernelH(), c.kernelW());
                out.pair("stride", c.strideH(), c.strideW());
                if (c.dilationH() != 1 || c.dilationW() != 1) {
                    out.pair("dilation", c.dilationH(), c.dilationW());
                }
                out.padding(c.padding());
                out.put("batchNorm", c.batchNorm());
                out.activation(c.activation());
                out.put("bias", c.bias());
                if (c.groups() != 1) {
                    out.put("groups", c.groups());
                }
            });

    public Conv {
        name = Naming.orEmpty(name);
        padding = padding == null ? Padding.SAME : padding;
        activation = activation == null ? ActivationKind.RELU : activation;
    }

    /** Not dilated. */
    public Conv(String name, int filters, int kernelH, int kernelW, int strideH, int strideW,
                Padding padding, boolean batchNorm, ActivationKind activation, boolean bias, int groups) {
        this(name, filters, kernelH, kernelW, strideH, strideW, padding, batchNorm, activation, bias, groups, 1, 1);
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
        return new Conv(name, filters, kernelH, kernelW, strideH, strideW, padding, batchNorm, activation, bias, groups, dilationH, dilationW);
    }

    @Override
    public <C, R> R accept(LayerVisitor<C, R> visitor, C at) {
        return visitor.conv(at, this);
    }

    @Override
    public String defaultName() {
        return "conv" + kernelH + "x" + kernelW;
    }

    @Override
    public LayerLabel label(Placed at) {
        String linear = (groups == 1 ? "" : " g" + groups) + Words.after(activation, ActivationKind.RELU);
        String dilated = Words.dilation(dilationH, dilationW);
        String box = "conv " + kernelH + "x" + kernelW + Words.boxStride(strideH, strideW) + dilated + " · " + filters + linear;
        return new LayerLabel("conv " + Words.window(kernelH, kernelW, strideH, strideW, padding) + dilated
                + (batchNorm ? " bn" : "") + linear, box, words(at, true));
    }

    /** "3x3/2 conv 3->32", or without the word "conv" as a paper's table writes a run of them. */
    String words(Placed at, boolean sayConv) {
        return kernelH + "x" + kernelW + Words.stride(strideH, strideW) + Words.dilation(dilationH, dilationW)
                + (sayConv ? " conv " : " ") + at.input().channels() + "->" + at.output().channels();
    }

    @Override
    public List<Parameter> parameters(Placed at) {
        return Parameter.unit(at, List.of(Parameter.of(ParameterRole.CONV_WEIGHT, filters, at.input().channels() / groups, kernelH, kernelW)),
                bias, batchNorm);
    }

    public Conv stride(int s) {
        return stride(s, s);
    }

    public Conv stride(int sh, int sw) {
        return new Conv(name, filters, kernelH, kernelW, sh, sw, padding, batchNorm, activation, bias, groups, dilationH, dilationW);
    }

    public Conv padding(Padding p) {
        return new Conv(name, filters, kernelH, kernelW, strideH, strideW, p, batchNorm, activation, bias, groups, dilationH, dilationW);
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
        return new Conv(name, filters, kernelH, kernelW, strideH, strideW, padding, false, activation, true, groups, dilationH, dilationW);
    }

    public Conv batchNorm(boolean on) {
        return new Conv(name, filters, kernelH, kernelW, strideH, strideW, padding, on, activation, !on, groups, dilationH, dilationW);
    }

    public Conv activation(ActivationKind a) {
        return new Conv(name, filters, kernelH, kernelW, strideH, strideW, padding, batchNorm, a, bias, groups, dilationH, dilationW);
    }

    /** No activation: a linear convolution. */
    public Conv linear() {
        return activation(ActivationKind.LINEAR);
    }

    public Conv bias(boolean on) {
        return new Conv(name, filters, kernelH, kernelW, strideH, strideW, padding, batchNorm, activation, on, groups, dilationH, dilationW);
    }

    /** Dilated by {@code d} on both axes: a k x k window spans d(k-1)+1 pixels. */
    public Conv dilation(int d) {
        return dilation(d, d);
    }

    public Conv dilation(int dh, int dw) {
        return new Conv(name, filters, kernelH, kernelW, strideH, strideW, padding, batchNorm, activation, bias, groups, dh, dw);
    }

    /** Cut into {@code g} groups of input and output channels. */
    public Conv groups(int g) {
        return new Conv(name, filters, kernelH, kernelW, strideH, strideW, padding, batchNorm, activation, bias, g, dilationH, dilationW);
    }
}
