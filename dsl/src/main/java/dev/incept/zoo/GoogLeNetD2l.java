package dev.incept.zoo;

import static dev.incept.spec.Layers.concat;
import static dev.incept.spec.Layers.conv;
import static dev.incept.spec.Layers.dense;
import static dev.incept.spec.Layers.globalAvgPool;
import static dev.incept.spec.Layers.maxPool;
import static dev.incept.spec.Layers.seq;

import dev.incept.spec.Conv;
import dev.incept.spec.Layer;
import dev.incept.spec.Network;

/**
 * GoogLeNet as Dive into Deep Learning (and DJL's basic model zoo, which d2l-java trains on
 * Fashion-MNIST at 96x96) builds it: no batch norm, biases, no aux heads, no dropout. Kept
 * layer for layer identical so the two can be timed against each other.
 */
public final class GoogLeNetD2l {
    private GoogLeNetD2l() {
    }

    public static Network build(ModelConfig cfg) {
        return Network.builder("googlenet-d2l").input(cfg.channels(), cfg.inputSize(), cfg.inputSize())
                .block("b1", c(64, 7).stride(2).pad(3, 3), maxPool(3, 2).pad(1, 1))
                .block("b2", c(64, 1), c(192, 3), maxPool(3, 2).pad(1, 1))
                .block("b3", inception(64, 96, 128, 16, 32, 32), inception(128, 128, 192, 32, 96, 64), maxPool(3, 2).pad(1, 1))
                .block("b4", inception(192, 96, 208, 16, 48, 64), inception(160, 112, 224, 24, 64, 64),
                        inception(128, 128, 256, 24, 64, 64), inception(112, 144, 288, 32, 64, 64),
                        inception(256, 160, 320, 32, 128, 128), maxPool(3, 2).pad(1, 1))
                .block("b5", inception(256, 160, 320, 32, 128, 128), inception(384, 192, 384, 48, 128, 128), globalAvgPool())
                .add(dense(cfg.classes()).named("logits"))
                .build();
    }

    /** ReLU convolution with a bias and no batch norm. */
    private static Conv c(int filters, int k) {
        return conv(filters, k).noBatchNorm();
    }

    /** 1x1 | 1x1-3x3 | 1x1-5x5 | maxpool-1x1, d2l's (c1, c2, c3, c4). */
    public static Layer inception(int c1, int c2a, int c2b, int c3a, int c3b, int c4) {
        return concat(
                c(c1, 1),
                seq(c(c2a, 1), c(c2b, 3)),
                seq(c(c3a, 1), c(c3b, 5)),
                seq(maxPool(3, 1).same(), c(c4, 1)));
    }
}
