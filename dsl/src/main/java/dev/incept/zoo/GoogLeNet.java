package dev.incept.zoo;

import static dev.incept.spec.Layers.block;
import static dev.incept.spec.Layers.concat;
import static dev.incept.spec.Layers.conv;
import static dev.incept.spec.Layers.maxPool;
import static dev.incept.spec.Layers.seq;

import dev.incept.spec.Layer;
import dev.incept.spec.Network;
import dev.incept.spec.Pool;

/**
 * GoogLeNet / Inception-v1 with batch-normalised convolutions, as torchvision builds it.
 *
 * <p>Two variants, named rather than hidden: {@link Variant#PAPER} has the paper's 5x5 in the third
 * branch; {@link Variant#TORCHVISION} has the 3x3 that torchvision and TF-slim put there by mistake
 * (and the 2x2 pool before 5a). Both auxiliary heads (after 4a and 4d, weight 0.3) are optional;
 * torchvision's pool adaptively to 4x4, so their size does not change with the input's, and the
 * paper's pool 5x5/3 (4x4 at 224x224 only).
 */
public final class GoogLeNet {
    public enum Variant { PAPER, TORCHVISION }

    private GoogLeNet() {
    }

    public static Network build(ModelConfig cfg, Variant variant) {
        int k = variant == Variant.PAPER ? 5 : 3;
        Pool lastPool = variant == Variant.PAPER ? maxPool(3, 2).ceilMode(true) : maxPool(2, 2).ceilMode(true);
        Network.Builder net = Network.builder(variant == Variant.PAPER ? "googlenet" : "googlenet-3x3")
                .input(cfg.channels(), cfg.inputSize(), cfg.inputSize())
                .add(stem())
                .add(inception("3a", 64, 96, 128, 16, 32, 32, k), inception("3b", 128, 128, 192, 32, 96, 64, k))
                .add(maxPool(3, 2).ceilMode(true).named("pool3"))
                .add(inception("4a", 192, 96, 208, 16, 48, 64, k), inception("4b", 160, 112, 224, 24, 64, 64, k),
                        inception("4c", 128, 128, 256, 24, 64, 64, k), inception("4d", 112, 144, 288, 32, 64, 64, k),
                        inception("4e", 256, 160, 320, 32, 128, 128, k))
                .add(lastPool.named("pool4"))
                .add(inception("5a", 256, 160, 320, 32, 128, 128, k), inception("5b", 384, 192, 384, 48, 128, 128, k));
        Heads.classifier(net, variant == Variant.PAPER ? 0.4 : 0.2, cfg.classes());
        if (cfg.aux()) {
            boolean adaptive = variant == Variant.TORCHVISION;
            Heads.addGoogLeNetAux(net, "aux1", "4a", cfg.classes(), adaptive, true);
            Heads.addGoogLeNetAux(net, "aux2", "4d", cfg.classes(), adaptive, true);
        }
        return net.build();
    }

    /** 224x224 -> 28x28x192 */
    public static Layer stem() {
        return block("stem",
                conv(64, 7).stride(2), maxPool(3, 2).ceilMode(true),
                conv(64, 1), conv(192, 3), maxPool(3, 2).ceilMode(true));
    }

    /** The original module: 1x1 | 1x1 -> 3x3 | 1x1 -> kxk | 3x3 max pool -> 1x1. */
    public static Layer inception(String name, int c1, int r3, int c3, int r5, int c5, int poolProj, int k) {
        return concat(name,
                conv(c1, 1),
                seq(conv(r3, 1), conv(c3, 3)),
                seq(conv(r5, 1), conv(c5, k)),
                seq(maxPool(3, 1).pad(1, 1).ceilMode(true), conv(poolProj, 1)));
    }
}
