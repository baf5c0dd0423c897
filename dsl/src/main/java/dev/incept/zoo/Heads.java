package dev.incept.zoo;

import static dev.incept.spec.Layers.avgPool;
import static dev.incept.spec.Layers.conv;
import static dev.incept.spec.Layers.dense;
import static dev.incept.spec.Layers.dropout;
import static dev.incept.spec.Layers.globalAvgPool;

import dev.incept.spec.Conv;
import dev.incept.spec.Layer;
import dev.incept.spec.Network;

/** Classifier heads shared by the zoo. */
final class Heads {
    private Heads() {
    }

    /** Global average pool, dropout, logits. */
    static Network.Builder classifier(Network.Builder net, double dropoutRate, int classes) {
        return net.add(globalAvgPool().named("avgpool"), dropout(dropoutRate).named("dropout"), dense(classes).named("logits"));
    }

    /**
     * The v3-style auxiliary head on a 17x17 grid: avg 5x5/3 -> 1x1 128 -> 5x5 768 valid (the
     * "fully connected" layer, batch-normalised when {@code batchNorm}) -> logits.
     */
    static Layer[] v3Aux(int classes, boolean batchNorm) {
        Conv fc = conv(768, 5).valid().named("fc");
        return new Layer[] {
            avgPool(5, 3).named("avgpool"),
            conv(128, 1).named("proj"),
            batchNorm ? fc : fc.noBatchNorm(),
            globalAvgPool().named("flatten"),
            dense(classes).named("logits")};
    }
}
