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
 * Inception-v2 as table 1 of the v3 paper lays it out: a 7-layer stem ending in 35x35x288,
 * 3 x figure-5 blocks (5x5 factorized into two 3x3), reduction to 17x17x768, 5 x figure-6 blocks
 * (n = 7), reduction to 8x8x1280, 2 x figure-7 blocks to 8x8x2048.
 *
 * <p>The paper gives no filter numbers inside the blocks; they follow the v3 reference code,
 * with the 5x5 of branch 2 written as the figure's two 3x3 and a fifth 17x17 block of width 160.
 * No public parameter count exists to check this against: IndependentCountsTest works the count
 * out by hand from the table (26,065,224 in PyTorch's convention at 1000 classes), and the stage
 * shapes match the table.
 */
public final class InceptionV2 {
    private InceptionV2() {
    }

    public static Network build(ModelConfig cfg) {
        Network.Builder net = Network.builder("inception-v2").input(cfg.channels(), cfg.inputSize(), cfg.inputSize())
                .add(stem())
                .add(figure5("inception_5a"), figure5("inception_5b"), figure5("inception_5c"))
                .add(InceptionV3.reductionA("reduction_a"))
                .add(figure6("inception_6a", 128), figure6("inception_6b", 160), figure6("inception_6c", 160),
                        figure6("inception_6d", 160), figure6("inception_6e", 192))
                .add(InceptionV3.reductionB("reduction_b"))
                .add(InceptionV3.blockC("inception_7a"), InceptionV3.blockC("inception_7b"));
        Heads.classifier(net, 0.2, cfg.classes());
        if (cfg.aux()) {
            Heads.addV3Aux(net, "inception_6e", cfg.classes(), cfg.auxBatchNorm());
        }
        return net.build();
    }

    /** 299x299 -> 35x35x288, the table's rows one for one */
    public static Layer stem() {
        return block("stem",
                conv(32, 3).stride(2).valid(), conv(32, 3).valid(), conv(64, 3), maxPool(3, 2),
                conv(80, 3).valid(), conv(192, 3).stride(2).valid(), conv(288, 3));
    }

    /** Figure 5: every 5x5 replaced by two 3x3; 64 + 64 + 96 + 64 = 288 */
    public static Layer figure5(String name) {
        return concat(name,
                conv(64, 1),
                seq(conv(48, 1), conv(64, 3), conv(64, 3)),
                seq(conv(64, 1), conv(96, 3), conv(96, 3)),
                seq(avgPool(3, 1).same(), conv(64, 1)));
    }

    /** Figure 6 with n = 7 */
    public static Layer figure6(String name, int c7) {
        return InceptionV3.blockB(name, c7);
    }
}
