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
 * Inception-v3 ("Rethinking the Inception Architecture"), block for block as Keras applications
 * and torchvision build it (mixed0..mixed10 = Mixed_5b..Mixed_7c).
 *
 * <p>Quirk kept from the reference code: the "A" blocks use 1x1 48 -> 5x5 64 where the paper's
 * figure 5 shows two 3x3 convolutions (see {@link InceptionV2} for the figure's version).
 *
 * <p>The branches' 3x3 average pools divide by the pixels inside the grid only, as Keras's do;
 * torchvision's divide by the whole window, padding included. {@code inception-v3-torchvision} is
 * the same network with torchvision's rule, so that torchvision's weights give torchvision's outputs
 * (scripts/check/weights compares them; with Keras's rule they part at once).
 */
public final class InceptionV3 {
    private InceptionV3() {
    }

    public static Network build(ModelConfig cfg) {
        return build(cfg, false);
    }

    /** {@code torchvision}: its average-pool rule (padding counted) and name, inception-v3-torchvision. */
    public static Network build(ModelConfig cfg, boolean torchvision) {
        boolean p = torchvision;
        Network.Builder net = Network.builder(torchvision ? "inception-v3-torchvision" : "inception-v3")
                .input(cfg.channels(), cfg.inputSize(), cfg.inputSize())
                .add(stem())
                .add(blockA("mixed0", 32, p), blockA("mixed1", 64, p), blockA("mixed2", 64, p))
                .add(reductionA("mixed3"))
                .add(blockB("mixed4", 128, p), blockB("mixed5", 160, p), blockB("mixed6", 160, p), blockB("mixed7", 192, p))
                .add(reductionB("mixed8"))
                .add(blockC("mixed9", p), blockC("mixed10", p));
        Heads.classifier(net, 0.2, cfg.classes());
        if (cfg.aux()) {
            Heads.addV3Aux(net, "mixed7", cfg.classes(), cfg.auxBatchNorm());
        }
        return net.build();
    }

    /** 299x299x3 -> 35x35x192 */
    public static Layer stem() {
        return block("stem",
                conv(32, 3).stride(2).valid(), conv(32, 3).valid(), conv(64, 3), maxPool(3, 2),
                conv(80, 1).valid(), conv(192, 3).valid(), maxPool(3, 2));
    }

    /** 35x35: 64 + 64 + 96 + pool projection */
    public static Layer blockA(String name, int poolFilters) {
        return blockA(name, poolFilters, false);
    }

    /** {@code includePad}: the average pool divides by the whole window, padding included (torchvision's rule). */
    public static Layer blockA(String name, int poolFilters, boolean includePad) {
        return concat(name,
                conv(64, 1),
                seq(conv(48, 1), conv(64, 5)),
                seq(conv(64, 1), conv(96, 3), conv(96, 3)),
                seq(avgPool(3, 1).same().countIncludePad(includePad), conv(poolFilters, 1)));
    }

    /** 35x35x288 -> 17x17x768, stride-2 convolutions beside stride-2 pooling */
    public static Layer reductionA(String name) {
        return concat(name,
                conv(384, 3).stride(2).valid(),
                seq(conv(64, 1), conv(96, 3), conv(96, 3).stride(2).valid()),
                maxPool(3, 2));
    }

    /** 17x17: 7x7 factorized into 1x7 and 7x1, c7 filters inside */
    public static Layer blockB(String name, int c7) {
        return blockB(name, c7, false);
    }

    public static Layer blockB(String name, int c7, boolean includePad) {
        return concat(name,
                conv(192, 1),
                seq(conv(c7, 1), conv(c7, 1, 7), conv(192, 7, 1)),
                seq(conv(c7, 1), conv(c7, 7, 1), conv(c7, 1, 7), conv(c7, 7, 1), conv(192, 1, 7)),
                seq(avgPool(3, 1).same().countIncludePad(includePad), conv(192, 1)));
    }

    /** 17x17x768 -> 8x8x1280 */
    public static Layer reductionB(String name) {
        return concat(name,
                seq(conv(192, 1), conv(320, 3).stride(2).valid()),
                seq(conv(192, 1), conv(192, 1, 7), conv(192, 7, 1), conv(192, 3).stride(2).valid()),
                maxPool(3, 2));
    }

    /** 8x8: expanded filter bank, each 3x3 split into {1x3, 3x1} */
    public static Layer blockC(String name) {
        return blockC(name, false);
    }

    public static Layer blockC(String name, boolean includePad) {
        return concat(name,
                conv(320, 1),
                seq(conv(384, 1), concat(conv(384, 1, 3), conv(384, 3, 1))),
                seq(conv(448, 1), conv(384, 3), concat(conv(384, 1, 3), conv(384, 3, 1))),
                seq(avgPool(3, 1).same().countIncludePad(includePad), conv(192, 1)));
    }
}
