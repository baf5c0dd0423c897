package dev.incept.zoo;

import static dev.incept.spec.Layers.avgPool;
import static dev.incept.spec.Layers.block;
import static dev.incept.spec.Layers.concat;
import static dev.incept.spec.Layers.conv;
import static dev.incept.spec.Layers.maxPool;
import static dev.incept.spec.Layers.repeat;
import static dev.incept.spec.Layers.seq;

import dev.incept.spec.Layer;
import dev.incept.spec.Network;

/** Inception-v4, pure Inception: stem, 4 x A, Reduction-A, 7 x B, Reduction-B, 3 x C (as timm builds it). */
public final class InceptionV4 {
    private InceptionV4() {
    }

    public static Network build(ModelConfig cfg) {
        Network.Builder net = Network.builder("inception-v4").input(cfg.channels(), cfg.inputSize(), cfg.inputSize())
                .add(stem(), mixed3a(), mixed4a(), mixed5a())
                .add(repeat("inception_a", 4, blockA()), reductionA())
                .add(repeat("inception_b", 7, blockB()), reductionB())
                .add(repeat("inception_c", 3, blockC()));
        Heads.classifier(net, 0.2, cfg.classes());
        if (cfg.aux()) {
            Heads.addV3Aux(net, "inception_b", cfg.classes(), cfg.auxBatchNorm());
        }
        return net.build();
    }

    /** 299x299x3 -> 147x147x64 */
    public static Layer stem() {
        return block("stem", conv(32, 3).stride(2).valid(), conv(32, 3).valid(), conv(64, 3));
    }

    public static Layer mixed3a() {
        return concat("mixed_3a", maxPool(3, 2), conv(96, 3).stride(2).valid());
    }

    public static Layer mixed4a() {
        return concat("mixed_4a",
                seq(conv(64, 1), conv(96, 3).valid()),
                seq(conv(64, 1), conv(64, 1, 7), conv(64, 7, 1), conv(96, 3).valid()));
    }

    /** -> 35x35x384 */
    public static Layer mixed5a() {
        return concat("mixed_5a", conv(192, 3).stride(2).valid(), maxPool(3, 2));
    }

    public static Layer blockA() {
        return concat(
                conv(96, 1),
                seq(conv(64, 1), conv(96, 3)),
                seq(conv(64, 1), conv(96, 3), conv(96, 3)),
                seq(avgPool(3, 1).same(), conv(96, 1)));
    }

    /** k, l, m, n = 192, 224, 256, 384 -> 17x17x1024 */
    public static Layer reductionA() {
        return concat("reduction_a",
                conv(384, 3).stride(2).valid(),
                seq(conv(192, 1), conv(224, 3), conv(256, 3).stride(2).valid()),
                maxPool(3, 2));
    }

    public static Layer blockB() {
        return concat(
                conv(384, 1),
                seq(conv(192, 1), conv(224, 1, 7), conv(256, 7, 1)),
                seq(conv(192, 1), conv(192, 7, 1), conv(224, 1, 7), conv(224, 7, 1), conv(256, 1, 7)),
                seq(avgPool(3, 1).same(), conv(128, 1)));
    }

    /** -> 8x8x1536 */
    public static Layer reductionB() {
        return concat("reduction_b",
                seq(conv(192, 1), conv(192, 3).stride(2).valid()),
                seq(conv(256, 1), conv(256, 1, 7), conv(320, 7, 1), conv(320, 3).stride(2).valid()),
                maxPool(3, 2));
    }

    public static Layer blockC() {
        return concat(
                conv(256, 1),
                seq(conv(384, 1), concat(conv(256, 1, 3), conv(256, 3, 1))),
                seq(conv(384, 1), conv(448, 3, 1), conv(512, 1, 3), concat(conv(256, 1, 3), conv(256, 3, 1))),
                seq(avgPool(3, 1).same(), conv(256, 1)));
    }
}
