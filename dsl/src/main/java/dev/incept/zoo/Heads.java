package dev.incept.zoo;

import static dev.incept.spec.Layers.adaptiveAvgPool;
import static dev.incept.spec.Layers.conv;
import static dev.incept.spec.Layers.dense;
import static dev.incept.spec.Layers.dropout;
import static dev.incept.spec.Layers.globalAvgPool;

import dev.incept.spec.Conv;
import dev.incept.spec.Layer;
import dev.incept.analysis.Analysis;
import dev.incept.analysis.Analyzer;
import dev.incept.analysis.Convention;
import dev.incept.spec.Naming;
import dev.incept.spec.Padding;
import dev.incept.spec.Pool;
import dev.incept.spec.PoolKind;
import dev.incept.spec.FeatureShape;
import dev.incept.spec.SpecException;
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
     * The v3-style auxiliary head: avg 5x5/3 -> 1x1 128 -> "FC" 768 -> global average -> logits,
     * where the FC is a valid 5x5 convolution (covering the pooled grid of a 299 input),
     * batch-normalised when {@code batchNorm} (the paper's BN-auxiliary). As torchvision's: at larger
     * inputs its output is averaged to 1x1, so the head's size does not change. On a pooled grid
     * smaller than 5x5, where torchvision's head fails, the convolution shrinks to the grid.
     */
    static Network.Builder addV3Aux(Network.Builder net, String after, int classes, boolean batchNorm) {
        FeatureShape grid = gridAfter(net, after);
        int ph = pooled(grid.height());
        int pw = pooled(grid.width());
        Conv fc = conv(768, Math.min(5, ph), Math.min(5, pw)).valid().named("fc");
        return net.aux("aux", after, 0.4,
                pool(grid), conv(128, 1).named("proj"), batchNorm ? fc : fc.noBatchNorm(),
                globalAvgPool().named("flatten"), dense(classes).named("logits"));
    }

    /**
     * GoogLeNet's heads: avg 5x5/3 (or, {@code adaptive}, to 4x4 whatever the grid, as torchvision's)
     * -> 1x1 128 (batch-normalised, or with a bias as in the paper) -> FC 1024 -> dropout 0.7 -> FC, weight 0.3.
     */
    static Network.Builder addGoogLeNetAux(Network.Builder net, String name, String after, int classes, boolean adaptive,
                                           boolean batchNorm) {
        FeatureShape grid = gridAfter(net, after);
        Layer pool = adaptive ? adaptiveAvgPool(4).named("avgpool") : pool(grid);
        Conv proj = conv(128, 1).named("proj");
        return net.aux(name, after, 0.3,
                pool, batchNorm ? proj : proj.noBatchNorm(),
                dense(1024).relu().named("fc"), dropout(0.7).named("dropout"), dense(classes).named("logits"));
    }

    /** avg 5x5/3 as in the papers; on a grid smaller than 5 the window shrinks to the grid. */
    private static Pool pool(FeatureShape grid) {
        int kh = Math.min(5, grid.height());
        int kw = Math.min(5, grid.width());
        return new Pool("avgpool", PoolKind.AVG, kh, kw, 3, 3, Padding.VALID, false, false);
    }

    private static int pooled(int size) {
        return (size - Math.min(5, size)) / 3 + 1;
    }

    /** The grid an aux head will read, found by analysing the main body built so far. */
    private static FeatureShape gridAfter(Network.Builder net, String after) {
        Analysis a = Analyzer.analyze(net.build(), Convention.PYTORCH, false);
        return a.block(after).orElseThrow(() -> new SpecException(Naming.AUX_ROOT, "no block '" + after + "' to attach to")).output();
    }
}
