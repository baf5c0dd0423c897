package dev.incept.metrics;

/** Receives progress as training runs: a terminal bar, a metrics file, a notebook's live display. */
public interface TrainingListener {
    default void onEpochStart(int epoch, int epochs, int steps) {
    }

    /** After each step: running means over the epoch so far. */
    default void onStep(int epoch, int step, int steps, double loss, double accuracy, double imagesPerSecond) {
    }

    default void onEpochEnd(EpochMetrics metrics) {
    }

    /** Training continues from a checkpoint with {@code epochsDone} epochs behind it. */
    default void onResume(java.nio.file.Path file, int epochsDone, java.util.List<EpochMetrics> earlier) {
    }

    default void onCheckpoint(java.nio.file.Path file, int epoch) {
    }
}
