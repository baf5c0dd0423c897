package dev.incept.probe;

/** Mean, standard deviation and largest magnitude of one top-level stage's activations. */
public record StageStatistics(String stage, double mean, double std, double maxAbs) {
}
