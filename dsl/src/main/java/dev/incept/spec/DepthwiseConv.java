package dev.incept.spec;

import java.util.List;

/**
 * A depthwise convolution (Keras's DepthwiseConv2D, PyTorch's Conv2d with groups equal to the
 * input's channels): each input channel convolved on its own into {@code multiplier} channels, so
 * the output has input channels x multiplier; optionally followed by batch norm and an activation.
 */
public record DepthwiseConv(String name, int kernelH, int kernelW, int strideH, int strideW, Padding padding, int multiplier,
                            boolean batchNorm, ActivationKind activation, boolean bias, int dilationH, int dilationW) implements Layer {

    public static final LayerType<DepthwiseConv> TYPE = LayerType.of("depthwiseconv", DepthwiseConv.class,
            List.of("kernel", "stride", "dilation", "padding", "multiplier", "batchNorm", "activation", "bias"), (in, name) -> {
                int[] k = in.pair("kernel");
                int[] s = in.optPair("stride", new int[] {1, 1});
                int[] d = in.optPair("dilation", new int[] {1, 1});
                boolean bn = in.optBool("batchNorm", false);
                return new DepthwiseConv(name, k[0], k[1], s[0], s[1], in.padding(Padding.SAME), in.optInt("multiplier", 1), bn,
                        in.activation(ActivationKind.LINEAR), in.optBool("bias", !bn), d[0], d[1]);
            }, (c, out) -> {
                writeWindow(out, c.kernelH(), c.kernelW(), c.strideH(), c.strideW(), c.padding());
                if (c.dilationH() != 1 || c.dilationW() != 1) {
                    out.pair("dilation", c.dilationH(), c.dilationW());
                }
                writeUnit(out, c.multiplier(), c.batchNorm(), c.activation(), c.bias());
            });
    public DepthwiseConv {
        name = Naming.orEmpty(name);
        padding = padding == null ? Padding.SAME : padding;
        activation = activation == null ? ActivationKind.LINEAR : activation;
    }

    /** Not dilated. */
    public DepthwiseConv(String name, int kernelH, int kernelW, int strideH, int strideW, Padding padding, int multiplier,
                         boolean batchNorm, ActivationKind activation, boolean bias) {
        this(name, kernelH, kernelW, strideH, strideW, padding, multiplier, batchNorm, activation, bias, 1, 1);
    }

    /** The window fields a depthwise and a separable convolution share. */
    static void writeWindow(FieldsOut out, int kh, int kw, int sh, int sw, Padding padding) {
        out.pair("kernel", kh, kw);
        out.pair("stride", sh, sw);
        out.padding(padding);
    }

    /** The unit fields a depthwise and a separable convolution share. */
    static void writeUnit(FieldsOut out, int multiplier, boolean batchNorm, ActivationKind activation, boolean bias) {
        out.put("multiplier", multiplier);
        out.put("batchNorm", batchNorm);
        out.activation(activation);
        out.put("bias", bias);
    }

    /** Keras's defaults: multiplier 1, "same" here, a bias, no batch norm, no activation. */
    public static DepthwiseConv of(int kernelH, int kernelW) {
        return new DepthwiseConv("", kernelH, kernelW, 1, 1, Padding.SAME, 1, false, ActivationKind.LINEAR, true);
    }

    public DepthwiseConv named(String name) {
        return new DepthwiseConv(name, kernelH, kernelW, strideH, strideW, padding, multiplier, batchNorm, activation, bias, dilationH, dilationW);
    }

    @Override
    public <C, R> R accept(LayerVisitor<C, R> visitor, C at) {
        return visitor.depthwiseConv(at, this);
    }

    @Override
    public String defaultName() {
        return "dwconv" + kernelH + "x" + kernelW;
    }

    @Override
    public LayerLabel label(Placed at) {
        String dilated = Words.dilation(dilationH, dilationW);
        String box = "dwconv " + kernelH + "x" + kernelW + Words.boxStride(strideH, strideW) + dilated + " · " + at.output().channels();
        return new LayerLabel("dwconv " + Words.window(kernelH, kernelW, strideH, strideW, padding) + dilated
                + (batchNorm ? " bn" : "") + Words.after(activation, ActivationKind.LINEAR), box,
                kernelH + "x" + kernelW + dilated + " depthwise conv " + at.input().channels() + "->" + at.output().channels());
    }

    @Override
    public List<Parameter> parameters(Placed at) {
        return Parameter.unit(at, List.of(Parameter.of(ParameterRole.CONV_WEIGHT, at.output().channels(), 1, kernelH, kernelW)),
                bias, batchNorm);
    }

    /** Dilated by {@code d} on both axes. */
    public DepthwiseConv dilation(int d) {
        return dilation(d, d);
    }

    public DepthwiseConv dilation(int dh, int dw) {
        return new DepthwiseConv(name, kernelH, kernelW, strideH, strideW, padding, multiplier, batchNorm, activation, bias, dh, dw);
    }

    public DepthwiseConv stride(int s) {
        return new DepthwiseConv(name, kernelH, kernelW, s, s, padding, multiplier, batchNorm, activation, bias, dilationH, dilationW);
    }

    public DepthwiseConv padding(Padding p) {
        return new DepthwiseConv(name, kernelH, kernelW, strideH, strideW, p, multiplier, batchNorm, activation, bias, dilationH, dilationW);
    }

    public DepthwiseConv valid() {
        return padding(Padding.VALID);
    }

    public DepthwiseConv multiplier(int m) {
        return new DepthwiseConv(name, kernelH, kernelW, strideH, strideW, padding, m, batchNorm, activation, bias, dilationH, dilationW);
    }

    /** Batch norm after it, and no bias. */
    public DepthwiseConv batchNorm(boolean on) {
        return new DepthwiseConv(name, kernelH, kernelW, strideH, strideW, padding, multiplier, on, activation, !on, dilationH, dilationW);
    }

    public DepthwiseConv activation(ActivationKind a) {
        return new DepthwiseConv(name, kernelH, kernelW, strideH, strideW, padding, multiplier, batchNorm, a, bias, dilationH, dilationW);
    }

    public DepthwiseConv bias(boolean on) {
        return new DepthwiseConv(name, kernelH, kernelW, strideH, strideW, padding, multiplier, batchNorm, activation, on, dilationH, dilationW);
    }
}
