package dev.incept.metrics;

/**
 * What a pass over a labelled set measured: mean cross-entropy (unsmoothed), top-1 and top-5
 * accuracy, and expected calibration error over {@code binConfidence.length} equal-width
 * confidence bins, with the bins themselves for a reliability diagram.
 */
public record Evaluation(int count, double loss, double top1, double top5, double ece,
                         long[] binCount, double[] binConfidence, double[] binAccuracy) {
}
