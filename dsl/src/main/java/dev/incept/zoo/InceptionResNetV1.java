package dev.incept.zoo;

import static dev.incept.spec.Layers.block;
import static dev.incept.spec.Layers.concat;
import static dev.incept.spec.Layers.conv;
import static dev.incept.spec.Layers.maxPool;
import static dev.incept.spec.Layers.repeat;
import static dev.incept.spec.Layers.residual;
import static dev.incept.spec.Layers.seq;

import dev.incept.spec.Layer;
import dev.incept.spec.Network;
import dev.incept.spec.Residual;

/**
 * Inception-ResNet-v1 with the v4 paper's grid widths (35x35x256 -> 17x17x896 -> 8x8x1792) and the
 * block counts of the widely used facenet implementation (5 x block35, 10 x block17, 5 x block8).
 * No Keras, torchvision or timm reference exists to count against: IndependentCountsTest works the
 * count out by hand from the paper's figures (24,357,096 in PyTorch's convention at 1000 classes).
 */
public final class InceptionResNetV1 {
    private InceptionResNetV1() {
    }

    public static Network build(ModelConfig cfg) {
        Network.Builder net = Network.builder("inception-resnet-v1").input(cfg.channels(), cfg.inputSize(), cfg.inputSize())
                .add(stem())
                .add(repeat("block35", 5, block35()), reductionA())
                .add(repeat("block17", 10, block17()), reductionB())
                .add(repeat("block8", 5, block8(0.20)), block8(1.0).linear().named("block8_6"));
        Heads.classifier(net, 0.2, cfg.classes());
        if (cfg.aux()) {
            Heads.addV3Aux(net, "block17", cfg.classes(), cfg.auxBatchNorm());
        }
        return net.build();
    }

    /** 299x299x3 -> 35x35x256 */
    public static Layer stem() {
        return block("stem",
                conv(32, 3).stride(2).valid(), conv(32, 3).valid(), conv(64, 3), maxPool(3, 2),
                conv(80, 1).valid(), conv(192, 3).valid(), conv(256, 3).stride(2).valid());
    }

    public static Layer block35() {
        return residual(0.17, concat(
                conv(32, 1),
                seq(conv(32, 1), conv(32, 3)),
                seq(conv(32, 1), conv(32, 3), conv(32, 3))));
    }

    /** k, l, m, n = 192, 192, 256, 384 -> 17x17x896 */
    public static Layer reductionA() {
        return concat("reduction_a",
                conv(384, 3).stride(2).valid(),
                seq(conv(192, 1), conv(192, 3), conv(256, 3).stride(2).valid()),
                maxPool(3, 2));
    }

    public static Layer block17() {
        return residual(0.10, concat(
                conv(128, 1),
                seq(conv(128, 1), conv(128, 1, 7), conv(128, 7, 1))));
    }

    /** -> 8x8x1792 */
    public static Layer reductionB() {
        return concat("reduction_b",
                seq(conv(256, 1), conv(384, 3).stride(2).valid()),
                seq(conv(256, 1), conv(256, 3).stride(2).valid()),
                seq(conv(256, 1), conv(256, 3), conv(256, 3).stride(2).valid()),
                maxPool(3, 2));
    }

    public static Residual block8(double scale) {
        return residual(scale, concat(
                conv(192, 1),
                seq(conv(192, 1), conv(192, 1, 3), conv(192, 3, 1))));
    }
}
