package dev.incept.zoo;

import static dev.incept.spec.Layers.avgPool;
import static dev.incept.spec.Layers.concat;
import static dev.incept.spec.Layers.conv;
import static dev.incept.spec.Layers.maxPool;
import static dev.incept.spec.Layers.repeat;
import static dev.incept.spec.Layers.residual;
import static dev.incept.spec.Layers.seq;

import dev.incept.spec.Layer;
import dev.incept.spec.Network;

/**
 * Inception-ResNet-v2 (Keras applications and timm agree block for block). Each residual block's
 * branches are concatenated, projected by a 1x1 linear convolution with bias back to the input
 * width, scaled (0.17, 0.10, 0.20) and added; the last block8 has scale 1.0 and no activation.
 */
public final class InceptionResNetV2 {
    private InceptionResNetV2() {
    }

    public static Network build(ModelConfig cfg) {
        Network.Builder net = Network.builder("inception-resnet-v2").input(cfg.channels(), cfg.inputSize(), cfg.inputSize())
                .add(InceptionV3.stem(), mixed5b())
                .add(repeat("block35", 10, block35()), mixed6a())
                .add(repeat("block17", 20, block17()), mixed7a())
                .add(repeat("block8", 9, block8(0.20)), block8(1.0).linear().named("block8_10"))
                .add(conv(1536, 1).named("conv_7b"));
        Heads.classifier(net, 0.2, cfg.classes());
        if (cfg.aux()) {
            Heads.addV3Aux(net, "block17", cfg.classes(), cfg.auxBatchNorm());
        }
        return net.build();
    }

    /** 35x35x192 -> 35x35x320 */
    public static Layer mixed5b() {
        return concat("mixed_5b",
                conv(96, 1),
                seq(conv(48, 1), conv(64, 5)),
                seq(conv(64, 1), conv(96, 3), conv(96, 3)),
                seq(avgPool(3, 1).same(), conv(64, 1)));
    }

    public static Layer block35() {
        return residual(0.17, concat(
                conv(32, 1),
                seq(conv(32, 1), conv(32, 3)),
                seq(conv(32, 1), conv(48, 3), conv(64, 3))));
    }

    /** -> 17x17x1088 */
    public static Layer mixed6a() {
        return concat("mixed_6a",
                conv(384, 3).stride(2).valid(),
                seq(conv(256, 1), conv(256, 3), conv(384, 3).stride(2).valid()),
                maxPool(3, 2));
    }

    public static Layer block17() {
        return residual(0.10, concat(
                conv(192, 1),
                seq(conv(128, 1), conv(160, 1, 7), conv(192, 7, 1))));
    }

    /** -> 8x8x2080 */
    public static Layer mixed7a() {
        return concat("mixed_7a",
                seq(conv(256, 1), conv(384, 3).stride(2).valid()),
                seq(conv(256, 1), conv(288, 3).stride(2).valid()),
                seq(conv(256, 1), conv(288, 3), conv(320, 3).stride(2).valid()),
                maxPool(3, 2));
    }

    public static dev.incept.spec.Residual block8(double scale) {
        return residual(scale, concat(
                conv(192, 1),
                seq(conv(192, 1), conv(224, 1, 3), conv(256, 3, 1))));
    }
}
