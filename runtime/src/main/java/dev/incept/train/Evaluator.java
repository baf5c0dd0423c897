package dev.incept.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.incept.compile.NetworkBlock;
import dev.incept.data.Batch;
import dev.incept.data.BatchMaker;
import dev.incept.data.EpochBatches;
import dev.incept.metrics.Evaluation;
import dev.incept.metrics.Scorer;
import dev.incept.optim.MovingAverage;
import java.util.function.Function;

/**
 * A trainer's evaluations, with the weights the papers report: the moving average when there is
 * one (swapped in for the call and back out after), else the live weights.
 */
final class Evaluator {
    private final NetworkBlock block;
    private final NDManager manager;
    private final ParameterStore store;
    private final PairList<String, Parameter> params;
    private final MovingAverage average;
    private final int classes;
    private final int batchSize;

    Evaluator(NetworkBlock block, NDManager manager, ParameterStore store, PairList<String, Parameter> params, MovingAverage average,
              int classes, int batchSize) {
        this.block = block;
        this.manager = manager;
        this.store = store;
        this.params = params;
        this.average = average;
        this.classes = classes;
        this.batchSize = batchSize;
    }

    /** {@code use} applied to the block holding the evaluated weights; the live weights are back afterwards. */
    <T> T withEvaluated(Function<NetworkBlock, T> use) {
        boolean swapped = average != null && average.updates() > 0;
        if (swapped) {
            average.swap(params);
        }
        try {
            return use.apply(block);
        } finally {
            if (swapped) {
                average.swap(params);
            }
        }
    }

    /** Lends the block holding the evaluated weights to {@code use}. */
    void lend(java.util.function.Consumer<NetworkBlock> use) {
        withEvaluated(b -> {
            use.accept(b);
            return null;
        });
    }

    /** Scores the first {@code limit} images of {@code maker}; {@code mirrored} as in {@link dev.incept.metrics.EvalOptions}. */
    Evaluation evaluate(BatchMaker maker, int limit, boolean mirrored) {
        return withEvaluated(b -> {
            Scorer scorer = new Scorer();
            try (EpochBatches batches = new EpochBatches(maker, batchSize, limit, false, 0, 0)) {
                while (batches.hasNext()) {
                    Batch batch = batches.next();
                    try (NDScope scope = new NDScope()) {
                        NDArray x = manager.create(batch.pixels(), new Shape(batch.size(), batch.channels(), batch.height(), batch.width()));
                        float[] logits = b.forward(store, new NDList(x), false).get(0).toFloatArray();
                        if (mirrored) {
                            float[] flipped = b.forward(store, new NDList(x.flip(3)), false).get(0).toFloatArray();
                            logits = Scorer.meanLogProbabilities(logits, flipped, classes);
                        }
                        scorer.add(logits, batch.labels(), classes);
                    }
                }
            }
            return scorer.result();
        });
    }
}
