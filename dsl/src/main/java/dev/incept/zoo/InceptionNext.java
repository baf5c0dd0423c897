package dev.incept.zoo;

import static dev.incept.spec.Layers.batchNorm;
import static dev.incept.spec.Layers.block;
import static dev.incept.spec.Layers.conv;
import static dev.incept.spec.Layers.dense;
import static dev.incept.spec.Layers.depthwise;
import static dev.incept.spec.Layers.globalAvgPool;
import static dev.incept.spec.Layers.identity;
import static dev.incept.spec.Layers.identityResidual;
import static dev.incept.spec.Layers.layerNorm;
import static dev.incept.spec.Layers.layerScale;
import static dev.incept.spec.Layers.repeat;
import static dev.incept.spec.Layers.seq;
import static dev.incept.spec.Layers.split;

import dev.incept.spec.ActivationKind;
import dev.incept.spec.Layer;
import dev.incept.spec.Network;
import dev.incept.spec.WeightInit;
import java.util.List;

/**
 * InceptionNeXt (Yu et al., CVPR 2024) as timm's {@code inception_next_*} builds it: a MetaNeXt
 * network (ConvNeXt's macro design) whose token mixer is an Inception module of depthwise
 * convolutions on channel slices: an identity slice, then a 3x3, a 1x11 and an 11x1 slice of an
 * eighth of the channels each. Each block: mixer, batch norm, a 1x1 MLP with GELU, layer scale,
 * added without an activation. PyTorch's batch norm epsilon (1e-5) throughout.
 */
public final class InceptionNext {
    /** The three published sizes: blocks per stage and widths. */
    public enum Size {
        TINY("inception-next-tiny", List.of(3, 3, 9, 3), List.of(96, 192, 384, 768)),
        SMALL("inception-next-small", List.of(3, 3, 27, 3), List.of(96, 192, 384, 768)),
        BASE("inception-next-base", List.of(3, 3, 27, 3), List.of(128, 256, 512, 1024));

        final String model;
        final List<Integer> depths;
        final List<Integer> widths;

        Size(String model, List<Integer> depths, List<Integer> widths) {
            this.model = model;
            this.depths = depths;
            this.widths = widths;
        }
    }

    private static final List<Integer> MLP_RATIOS = List.of(4, 4, 4, 3);
    private static final double LAYER_SCALE = 1e-6;
    private static final double TORCH_BN_EPSILON = 1e-5;

    private InceptionNext() {
    }

    public static Network build(ModelConfig cfg, Size size) {
        return build(cfg, size.model, 4, size.depths, size.widths, 11, LAYER_SCALE);
    }

    /**
     * InceptionNeXt at Fashion-MNIST's scale (28x28): a 2x2 patch stem to 14x14, stages of 80 and
     * 160 channels at 14x14 and 7x7, and band kernels of 7 for grids of 14 and 7; about the
     * multiply-adds of inception-mini. Its layer scales start at 1, not 1e-6: a branch that starts
     * a millionth of the way in needs the hundreds of epochs of ImageNet training to grow, and a
     * short Fashion-MNIST run trains little more than the stem and the head.
     */
    public static Network mini(ModelConfig cfg) {
        // He's normal, not timm's 0.02: from weights that small a short run trains markedly worse (docs/zoo.md's measurements)
        return build(cfg, "inception-next-mini", 2, List.of(2, 4), List.of(80, 160), 7, 1.0).withInit(WeightInit.HE_NORMAL);
    }

    /** Any MetaNeXt of Inception mixers: the stem's patch size, blocks and width per stage, the band kernel, layer scale's start. */
    public static Network build(ModelConfig cfg, String name, int patch, List<Integer> depths, List<Integer> widths, int band,
                                double layerScale) {
        // timm's _init_weights: trunc_normal_(std=0.02) for every convolution and linear weight
        Network.Builder net = Network.builder(name).input(cfg.channels(), cfg.inputSize(), cfg.inputSize()).init(WeightInit.TRUNC_NORMAL)
                .add(block("stem", conv(widths.get(0), patch).stride(patch).valid().noBatchNorm().linear(), bn()));
        for (int s = 0; s < depths.size(); s++) {
            int width = widths.get(s);
            Layer blocks = repeat("blocks", depths.get(s), metaNextBlock(width, MLP_RATIOS.get(s), band, layerScale));
            net.add(s == 0 ? block("stage1", blocks)
                    : block("stage" + (s + 1), bn(), conv(width, 2).stride(2).valid().noBatchNorm().linear().named("downsample"), blocks));
        }
        int last = widths.get(widths.size() - 1);
        return net.add(block("head", globalAvgPool(), dense(3 * last).activation(ActivationKind.GELU).named("fc1"), layerNorm(),
                dense(cfg.classes()).named("fc2"))).build();
    }

    /** x + layerScale(mlp(bn(mixer(x)))), no activation after the sum. */
    public static Layer metaNextBlock(int width, int mlpRatio, int band) {
        return metaNextBlock(width, mlpRatio, band, LAYER_SCALE);
    }

    public static Layer metaNextBlock(int width, int mlpRatio, int band, double layerScale) {
        return identityResidual(1.0, seq(inceptionMixer(width, band), bn(),
                conv(mlpRatio * width, 1).noBatchNorm().activation(ActivationKind.GELU).named("fc1"),
                conv(width, 1).noBatchNorm().linear().named("fc2"), layerScale(layerScale)))
                .activation(ActivationKind.LINEAR);
    }

    /** timm's InceptionDWConv2d: identity | depthwise 3x3 | 1 x band | band x 1, each conv slice an eighth of the channels. */
    public static Layer inceptionMixer(int width, int band) {
        int g = width / 8;
        return split("mixer", List.of(width - 3 * g, g, g, g),
                identity(), depthwise(3), depthwise(1, band), depthwise(band, 1));
    }

    private static Layer bn() {
        return batchNorm().epsilon(TORCH_BN_EPSILON).momentum(0.9);
    }
}
