package dev.incept.zoo;

import static dev.incept.spec.Layers.block;
import static dev.incept.spec.Layers.concat;
import static dev.incept.spec.Layers.conv;
import static dev.incept.spec.Layers.lrn;
import static dev.incept.spec.Layers.maxPool;
import static dev.incept.spec.Layers.seq;

import dev.incept.spec.Conv;
import dev.incept.spec.Layer;
import dev.incept.spec.Network;

/**
 * GoogLeNet as the 2014 paper (and Caffe's bvlc_googlenet) has it, before batch norm existed:
 * convolutions with biases and ReLU, local response normalisation after the first pool and after
 * the stem's 3x3, the true 5x5 branch, dropout 0.4 before the classifier, and two aux heads (avg
 * 5x5/3, 1x1 128, FC 1024, dropout 0.7, FC) after 4a and 4d.
 */
public final class GoogLeNetPaper {
    private GoogLeNetPaper() {
    }

    public static Network build(ModelConfig cfg) {
        Network.Builder net = Network.builder("googlenet-paper").input(cfg.channels(), cfg.inputSize(), cfg.inputSize())
                .add(block("stem",
                        c(64, 7).stride(2), maxPool(3, 2).ceilMode(true), lrn(5, 1e-4, 0.75, 1),
                        c(64, 1), c(192, 3), lrn(5, 1e-4, 0.75, 1), maxPool(3, 2).ceilMode(true)))
                .add(inception("3a", 64, 96, 128, 16, 32, 32), inception("3b", 128, 128, 192, 32, 96, 64))
                .add(maxPool(3, 2).ceilMode(true).named("pool3"))
                .add(inception("4a", 192, 96, 208, 16, 48, 64), inception("4b", 160, 112, 224, 24, 64, 64),
                        inception("4c", 128, 128, 256, 24, 64, 64), inception("4d", 112, 144, 288, 32, 64, 64),
                        inception("4e", 256, 160, 320, 32, 128, 128))
                .add(maxPool(3, 2).ceilMode(true).named("pool4"))
                .add(inception("5a", 256, 160, 320, 32, 128, 128), inception("5b", 384, 192, 384, 48, 128, 128));
        Heads.classifier(net, 0.4, cfg.classes());
        if (cfg.aux()) {
            Heads.addGoogLeNetAux(net, "aux1", "4a", cfg.classes(), false, false);
            Heads.addGoogLeNetAux(net, "aux2", "4d", cfg.classes(), false, false);
        }
        return net.build();
    }

    /** The paper's module, every convolution with a bias and a ReLU. */
    static Layer inception(String name, int c1, int r3, int c3, int r5, int c5, int poolProj) {
        return concat(name,
                c(c1, 1),
                seq(c(r3, 1), c(c3, 3)),
                seq(c(r5, 1), c(c5, 5)),
                seq(maxPool(3, 1).pad(1, 1).ceilMode(true), c(poolProj, 1)));
    }

    private static Conv c(int filters, int k) {
        return conv(filters, k).noBatchNorm();
    }
}
