package dev.incept.spec;

import java.util.List;

/**
 * The Java face of the DSL: static factories meant to be imported with {@code import static}.
 * An Inception-v3 "A" block reads:
 *
 * <pre>{@code
 * concat("mixed5b",
 *     conv(64, 1),
 *     seq(conv(48, 1), conv(64, 5)),
 *     seq(conv(64, 1), conv(96, 3), conv(96, 3)),
 *     seq(avgPool(3, 1).same(), conv(32, 1)));
 * }</pre>
 */
public final class Layers {
    private Layers() {
    }

    /** Square kernel, stride 1, same padding, batch norm, ReLU. */
    public static Conv conv(int filters, int kernel) {
        return Conv.of(filters, kernel, kernel);
    }

    /** Any kernel shape: conv(192, 1, 7) is a 1x7 convolution. */
    public static Conv conv(int filters, int kernelH, int kernelW) {
        return Conv.of(filters, kernelH, kernelW);
    }

    public static Pool maxPool(int size, int stride) {
        return Pool.of(PoolKind.MAX, size, stride);
    }

    public static Pool avgPool(int size, int stride) {
        return Pool.of(PoolKind.AVG, size, stride);
    }

    public static GlobalPool globalAvgPool() {
        return new GlobalPool("", PoolKind.AVG);
    }

    /** Average pooling to an h x w grid whatever the input's size (PyTorch's AdaptiveAvgPool2d). */
    public static AdaptiveAvgPool adaptiveAvgPool(int height, int width) {
        return new AdaptiveAvgPool("", height, width);
    }

    public static AdaptiveAvgPool adaptiveAvgPool(int size) {
        return adaptiveAvgPool(size, size);
    }

    public static GlobalPool globalMaxPool() {
        return new GlobalPool("", PoolKind.MAX);
    }

    public static Dropout dropout(double rate) {
        return new Dropout("", rate);
    }

    /** Fully connected with bias and no activation (logits). */
    public static Dense dense(int units) {
        return new Dense("", units, true, ActivationKind.LINEAR);
    }

    public static Sequence seq(Layer... layers) {
        return new Sequence("", List.of(layers));
    }

    public static Sequence block(String name, Layer... layers) {
        return new Sequence(name, List.of(layers));
    }

    public static Concat concat(Layer... branches) {
        return new Concat("", List.of(branches));
    }

    public static Concat concat(String name, Layer... branches) {
        return new Concat(name, List.of(branches));
    }

    /** relu(x + scale * project(body(x))): the Inception-ResNet block. */
    public static Residual residual(double scale, Layer body) {
        return new Residual("", body, true, scale, ActivationKind.RELU);
    }

    public static Residual residual(String name, double scale, Layer body) {
        return new Residual(name, body, true, scale, ActivationKind.RELU);
    }

    /** A residual whose body keeps the width itself, so no projection is added. */
    public static Residual identityResidual(double scale, Layer body) {
        return new Residual("", body, false, scale, ActivationKind.RELU);
    }

    public static Repeat repeat(String name, int times, Layer body) {
        return new Repeat(name, times, body);
    }

    /** A depthwise k x k convolution (Keras's DepthwiseConv2D: multiplier 1, a bias, no batch norm, linear). */
    public static DepthwiseConv depthwise(int kernel) {
        return DepthwiseConv.of(kernel, kernel);
    }

    public static DepthwiseConv depthwise(int kernelH, int kernelW) {
        return DepthwiseConv.of(kernelH, kernelW);
    }

    /** Keras's SeparableConv2D: depthwise k x k then pointwise 1x1 to {@code filters}, a bias, linear. */
    public static SeparableConv separable(int filters, int kernel) {
        return SeparableConv.of(filters, kernel, kernel);
    }

    /** Branches over slices of the input's channels, in order: split(sizes(8, 8), identity(), depthwise(3)). */
    public static ChannelSplit split(List<Integer> sizes, Layer... branches) {
        return new ChannelSplit("", sizes, List.of(branches));
    }

    public static ChannelSplit split(String name, List<Integer> sizes, Layer... branches) {
        return new ChannelSplit(name, sizes, List.of(branches));
    }

    /** The input as it is: a split's or a concat's pass-through branch. */
    public static Activation identity() {
        return new Activation("", ActivationKind.LINEAR);
    }

    /** Layer norm over the channels, timm's epsilon 1e-6. */
    public static LayerNorm layerNorm() {
        return new LayerNorm("", 1e-6);
    }

    /** A learned per-channel scale starting at {@code init} (InceptionNeXt: 1e-6). */
    public static LayerScale layerScale(double init) {
        return new LayerScale("", init);
    }

    /** A squeeze-and-excitation gate as SENet has it: reduction 16, ReLU inside, sigmoid out. */
    public static SqueezeExcite squeezeExcite() {
        return new SqueezeExcite("", SqueezeExcite.SENET_REDUCTION, ActivationKind.RELU);
    }

    public static SqueezeExcite squeezeExcite(int reduction) {
        return new SqueezeExcite("", reduction, ActivationKind.RELU);
    }

    /** Group norm over {@code groups} groups of channels, with PyTorch's epsilon 1e-5 (GroupNorm(32, C) in most detectors). */
    public static GroupNorm groupNorm(int groups) {
        return new GroupNorm("", groups, GroupNorm.TORCH_EPSILON);
    }

    /** Batch norm on its own, with Keras's epsilon and momentum (scale and shift per channel). */
    public static BatchNorm batchNorm() {
        return new BatchNorm("", BatchNorm.KERAS_EPSILON, BatchNorm.KERAS_MOMENTUM);
    }

    /** An activation as a layer: activation(ActivationKind.SOFTMAX) ends a Keras-style classifier. */
    public static Activation activation(ActivationKind kind) {
        return new Activation("", kind);
    }

    public static Flatten flatten() {
        return new Flatten("");
    }

    /** Local response normalisation across {@code size} channels (GoogLeNet: 5, 1e-4, 0.75, 1). */
    public static Lrn lrn(int size, double alpha, double beta, double k) {
        return new Lrn("", size, alpha, beta, k);
    }
}
