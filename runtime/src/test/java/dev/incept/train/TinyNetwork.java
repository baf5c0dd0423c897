package dev.incept.train;

import static dev.incept.spec.Layers.concat;
import static dev.incept.spec.Layers.conv;
import static dev.incept.spec.Layers.dense;
import static dev.incept.spec.Layers.globalAvgPool;
import static dev.incept.spec.Layers.maxPool;
import static dev.incept.spec.Layers.seq;

import dev.incept.spec.Network;

/** The smallest network with every part the training loop treats specially: an Inception block, an aux head. */
public final class TinyNetwork {
    private TinyNetwork() {
    }

    /** 1x16x16 in, 4 classes; the block is named "mixed" and feeds the aux head "aux". */
    public static Network build() {
        return Network.builder("tiny").input(1, 16, 16)
                .add(conv(8, 3).stride(2))
                .add(concat(conv(8, 1), seq(conv(4, 1), conv(8, 3)), maxPool(3, 1).same()).named("mixed"))
                .add(globalAvgPool(), dense(4).named("logits"))
                .aux("aux", "mixed", 0.3, globalAvgPool(), dense(4))
                .build();
    }
}
