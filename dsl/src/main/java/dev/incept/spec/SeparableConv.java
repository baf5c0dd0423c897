package dev.incept.spec;

import java.util.List;

/**
 * Keras's SeparableConv2D, one layer in the summary: a depthwise k x k convolution (input channels
 * x multiplier, no bias) then a pointwise 1x1 to {@code filters}, which carries the bias, the batch
 * norm and the activation. Xception's unit: spatial and cross-channel correlations fully separated.
 */
public record SeparableConv(String name, int filters, int kernelH, int kernelW, int strideH, int strideW, Padding padding,
                            int multiplier, boolean batchNorm, ActivationKind activation, boolean bias) implements Layer {

    public static final LayerType<SeparableConv> TYPE = LayerType.of("separableconv", SeparableConv.class,
            List.of("filters", "kernel", "stride", "padding", "multiplier", "batchNorm", "activation", "bias"), (in, name) -> {
                int[] k = in.pair("kernel");
                int[] s = in.optPair("stride", new int[] {1, 1});
                boolean bn = in.optBool("batchNorm", false);
                return new SeparableConv(name, in.requiredInt("filters"), k[0], k[1], s[0], s[1], in.padding(Padding.SAME),
                        in.optInt("multiplier", 1), bn, in.activation(ActivationKind.LINEAR), in.optBool("bias", !bn));
            }, (c, out) -> {
                out.put("filters", c.filters());
                DepthwiseConv.writeWindow(out, c.kernelH(), c.kernelW(), c.strideH(), c.strideW(), c.padding());
                DepthwiseConv.writeUnit(out, c.multiplier(), c.batchNorm(), c.activation(), c.bias());
            });
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
    public <C, R> R accept(LayerVisitor<C, R> visitor, C at) {
        return visitor.separableConv(at, this);
    }

    @Override
    public String defaultName() {
        return "sepconv" + kernelH + "x" + kernelW;
    }

    @Override
    public LayerLabel label(Placed at) {
        String box = "sepconv " + kernelH + "x" + kernelW + Words.boxStride(strideH, strideW) + " · " + filters;
        return new LayerLabel("sepconv " + Words.window(kernelH, kernelW, strideH, strideW, padding)
                + (batchNorm ? " bn" : "") + Words.after(activation, ActivationKind.LINEAR), box,
                kernelH + "x" + kernelW + " separable conv " + at.input().channels() + "->" + at.output().channels());
    }

    @Override
    public List<Parameter> parameters(Placed at) {
        long middle = (long) at.input().channels() * multiplier;
        return Parameter.unit(at, List.of(Parameter.of(ParameterRole.DEPTHWISE_WEIGHT, middle, 1, kernelH, kernelW),
                Parameter.of(ParameterRole.CONV_WEIGHT, filters, middle, 1, 1)), bias, batchNorm);
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
