package dev.incept.zoo;

import static dev.incept.spec.Layers.avgPool;
import static dev.incept.spec.Layers.block;
import static dev.incept.spec.Layers.concat;
import static dev.incept.spec.Layers.conv;
import static dev.incept.spec.Layers.maxPool;
import static dev.incept.spec.Layers.seq;

import dev.incept.spec.Layer;
import dev.incept.spec.Network;

/**
 * A small Inception-v3 for 28x28 to 32x32 images (Fashion-MNIST, CIFAR): the same three block
 * kinds and the grid reduction, on grids of 14 and 7 instead of 35, 17 and 8. The stem halves
 * the grid at once: on a 2-core CPU the 28x28 stages cost far more in memory traffic (batch norm,
 * ReLU, concatenation over large activations) than their multiply-adds suggest.
 */
public final class InceptionMini {
    private InceptionMini() {
    }

    public static Network build(ModelConfig cfg) {
        return build(cfg, "inception-mini", 1);
    }

    /** Every filter bank {@code k} times as wide: about k^2 the multiply-adds, the same number of layers. */
    public static Network build(ModelConfig cfg, String name, int k) {
        Network.Builder net = Network.builder(name).input(cfg.channels(), cfg.inputSize(), cfg.inputSize())
                .add(block("stem", conv(32 * k, 3), conv(64 * k, 3).stride(2).pad(1, 1)))
                .add(blockA("mixed0", k), blockA("mixed1", k))
                .add(reductionA("mixed2", k))
                .add(blockB("mixed3", k))
                .add(blockC("mixed4", k));
        Heads.classifier(net, 0.3, cfg.classes());
        if (cfg.aux()) {
            Heads.addV3Aux(net, "mixed3", cfg.classes(), cfg.auxBatchNorm());
        }
        return net.build();
    }

    /** 1x1 | 1x1-3x3 | 1x1-3x3-3x3 (the factorized 5x5) | avgpool-1x1 */
    public static Layer blockA(String name) {
        return blockA(name, 1);
    }

    public static Layer blockA(String name, int k) {
        return concat(name,
                conv(32 * k, 1),
                seq(conv(24 * k, 1), conv(32 * k, 3)),
                seq(conv(32 * k, 1), conv(48 * k, 3), conv(48 * k, 3)),
                seq(avgPool(3, 1).same(), conv(32 * k, 1)));
    }

    /** 14x14 -> 7x7: stride-2 convolutions beside stride-2 pooling (pad 1 keeps even sizes exact) */
    public static Layer reductionA(String name) {
        return reductionA(name, 1);
    }

    public static Layer reductionA(String name, int k) {
        return concat(name,
                conv(96 * k, 3).stride(2).pad(1, 1),
                seq(conv(32 * k, 1), conv(48 * k, 3), conv(48 * k, 3).stride(2).pad(1, 1)),
                maxPool(3, 2).pad(1, 1));
    }

    /** 7x7 factorized into 1x7 + 7x1 */
    public static Layer blockB(String name) {
        return blockB(name, 1);
    }

    public static Layer blockB(String name, int k) {
        return concat(name,
                conv(96 * k, 1),
                seq(conv(48 * k, 1), conv(48 * k, 1, 7), conv(96 * k, 7, 1)),
                seq(conv(48 * k, 1), conv(48 * k, 7, 1), conv(48 * k, 1, 7), conv(48 * k, 7, 1), conv(96 * k, 1, 7)),
                seq(avgPool(3, 1).same(), conv(96 * k, 1)));
    }

    /** The expanded-filter-bank block, its 3x3 split into parallel 1x3 and 3x1 */
    public static Layer blockC(String name) {
        return blockC(name, 1);
    }

    public static Layer blockC(String name, int k) {
        return concat(name,
                conv(80 * k, 1),
                seq(conv(96 * k, 1), concat(conv(96 * k, 1, 3), conv(96 * k, 3, 1))),
                seq(conv(112 * k, 1), conv(96 * k, 3), concat(conv(96 * k, 1, 3), conv(96 * k, 3, 1))),
                seq(avgPool(3, 1).same(), conv(48 * k, 1)));
    }
}
