package dev.incept.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import dev.incept.metrics.EpochMetrics;
import dev.incept.optim.OptimizerSpec;
import dev.incept.spec.Network;
import java.util.List;
import java.util.Map;

/**
 * Everything a trainer would need to continue where it is: what a checkpoint stores. The arrays
 * are the trainer's own, lent for writing and not to be kept past the call that received them.
 *
 * @param optimizerDescription the optimizer as it describes itself, for messages
 * @param emaUpdates how many updates the moving average has taken (0 without one)
 */
public record TrainerState(Network network, int epochsDone, long seed, String engine, String optimizerDescription,
                           OptimizerSpec optimizer, long emaUpdates, List<EpochMetrics> history, Block block,
                           Map<String, NDArray> optimizerState, Map<String, NDArray> averageState) {
    public TrainerState {
        history = List.copyOf(history);
    }
}
