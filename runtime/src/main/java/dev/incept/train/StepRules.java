package dev.incept.train;

import java.util.List;
import dev.incept.optim.MovingAverage;
import dev.incept.optim.Optimizer;

/**
 * How one training step learns: the update rule, each aux head's loss weight (in the order the
 * block puts the aux outputs), the label smoothing, the global gradient norm to clip to (0: none)
 * and the moving average to update after the step (null: none).
 */
public record StepRules(Optimizer optimizer, List<Double> auxWeights, double labelSmoothing, double clipNorm, MovingAverage average) {
    public StepRules {
        auxWeights = List.copyOf(auxWeights);
    }

    /** {@code optimizer} alone: no aux heads, plain cross-entropy, no clipping, no average. */
    public static StepRules of(Optimizer optimizer) {
        return new StepRules(optimizer, List.of(), 0, 0, null);
    }

    public StepRules withAuxWeights(List<Double> weights) {
        return new StepRules(optimizer, weights, labelSmoothing, clipNorm, average);
    }

    public StepRules withLabelSmoothing(double epsilon) {
        return new StepRules(optimizer, auxWeights, epsilon, clipNorm, average);
    }

    public StepRules withClipNorm(double norm) {
        return new StepRules(optimizer, auxWeights, labelSmoothing, norm, average);
    }

    public StepRules withAverage(MovingAverage a) {
        return new StepRules(optimizer, auxWeights, labelSmoothing, clipNorm, a);
    }
}
