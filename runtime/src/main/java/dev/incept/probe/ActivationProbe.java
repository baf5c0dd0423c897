package dev.incept.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.incept.compile.NetworkBlock;
import dev.incept.data.Augment;
import dev.incept.data.Batch;
import dev.incept.data.BatchMaker;
import dev.incept.data.Images;
import dev.incept.data.Normalization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Activation statistics of every top-level stage of a compiled network, in inference mode, on the
 * first images of a set: how residual scaling keeps activations from growing stage after stage.
 * Reads the network; trains nothing.
 */
public final class ActivationProbe {
    private ActivationProbe() {
    }

    /** On the first {@code count} images of {@code images}, normalised with {@code train}'s statistics as in training. */
    public static List<StageStatistics> measure(NetworkBlock block, NDManager manager, ParameterStore store, Images train,
                                                Images images, int count) {
        dev.incept.spec.FeatureShape in = block.network().input();
        BatchMaker maker = new BatchMaker(images, in.height(), in.width(), Normalization.of(train), Augment.NONE);
        int[] idx = new int[Math.min(count, images.count())];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Batch b = maker.make(idx, null);
        List<StageStatistics> stats = new ArrayList<>();
        try (NDScope scope = new NDScope()) {
            NDArray x = manager.create(b.pixels(), new Shape(b.size(), b.channels(), b.height(), b.width()));
            for (Map.Entry<String, NDArray> e : block.stageOutputs(store, new NDList(x)).entrySet()) {
                float[] v = e.getValue().toFloatArray();
                double sum = 0;
                double sq = 0;
                double max = 0;
                for (float f : v) {
                    sum += f;
                    sq += (double) f * f;
                    max = Math.max(max, Math.abs(f));
                }
                double mean = sum / v.length;
                stats.add(new StageStatistics(e.getKey(), mean, Math.sqrt(Math.max(sq / v.length - mean * mean, 0)), max));
            }
        }
        return stats;
    }
}
