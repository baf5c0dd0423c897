package dev.incept.analysis;

import dev.incept.spec.FeatureShape;

/**
 * What analysis found for one block: its path, a short description of its kind, the shapes in and
 * out, its parameters and multiply-adds (children included) and the receptive field at its output.
 */
public record BlockReport(String path, String kind, int depth, FeatureShape input, FeatureShape output,
                          long params, long trainableParams, long macs, ReceptiveField receptiveField) {
}
