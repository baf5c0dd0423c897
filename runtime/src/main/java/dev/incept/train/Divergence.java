package dev.incept.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import dev.incept.metrics.EpochMetrics;

/**
 * Decides when a run has diverged, so that it stops before its checkpoint is overwritten with
 * worse weights. A loss that is not finite has; so has a test loss that is not finite; and so
 * has an epoch whose mean training objective is more than {@link #MARGIN} times what a network
 * guessing every class with equal probability would score, ln(classes) for the main head and
 * for every aux head that is trained. No training that learns anything gets there: even the first
 * epoch of a fresh network starts near one times that value.
 */
final class Divergence {
    static final double MARGIN = 3;
    private final double uniformObjective;

    Divergence(int classes, List<Double> auxWeights) {
        double heads = 1 + auxWeights.stream().mapToDouble(w -> Math.max(w, 0)).sum();
        this.uniformObjective = heads * Math.log(classes);
    }

    /** Throws {@link TrainingDiverged} when the step's objective is not finite. */
    void checkStep(float loss, int epoch, int step, double lr, Path checkpoint) {
        if (!Float.isFinite(loss)) {
            throw diverged("the training loss became " + loss + " at epoch " + epoch + ", step " + step, lr, checkpoint);
        }
    }

    /** Throws {@link TrainingDiverged} when the finished epoch {@code m} shows a diverged run. */
    void checkEpoch(EpochMetrics m, Path checkpoint) {
        if (!Double.isFinite(m.test().loss())) {
            throw diverged("the test loss became " + m.test().loss() + " at epoch " + m.epoch(), m.learningRate(), checkpoint);
        }
        if (m.trainLoss() > MARGIN * uniformObjective) {
            throw diverged(String.format(Locale.ROOT, "epoch %d's training loss %.4g is more than %.0f times the %.3f of guessing uniformly",
                    m.epoch(), m.trainLoss(), MARGIN, uniformObjective), m.learningRate(), checkpoint);
        }
    }

    private static TrainingDiverged diverged(String what, double lr, Path checkpoint) {
        String kept = checkpoint != null && Files.exists(checkpoint)
                ? "; the last good checkpoint " + checkpoint + " was left as it was" : "";
        return new TrainingDiverged(String.format(Locale.ROOT, "training diverged: %s (learning rate %.4g)%s; try a smaller learning rate",
                what, lr, kept));
    }
}
