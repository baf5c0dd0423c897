package dev.incept.metrics;

/** One epoch's figures, as written to the metrics file and drawn in the curves. */
public record EpochMetrics(int epoch, double learningRate, double trainLoss, double trainAccuracy,
                           Evaluation test, double imagesPerSecond, double seconds) {
}
