package dev.incept.train;

import ai.djl.ndarray.NDArray;
import dev.incept.metrics.EpochMetrics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A kept state handed back to a trainer whose parameters were already loaded from it: the
 * optimizer's and the moving average's arrays, and the epochs done with their figures.
 *
 * @param from the file it was read from, told to the listeners
 */
public record ResumePoint(Path from, int epochsDone, long emaUpdates, List<EpochMetrics> history,
                          Map<String, NDArray> optimizerState, Map<String, NDArray> averageState) {
    public ResumePoint {
        history = List.copyOf(history);
    }
}
