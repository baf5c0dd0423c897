package dev.incept.analysis;

import static dev.incept.spec.Layers.conv;
import static dev.incept.spec.Layers.seq;

import dev.incept.spec.Layer;
import dev.incept.spec.FeatureShape;

/**
 * The "Rethinking" paper's factorizations, measured by the analyser rather than typed in: both
 * forms are built as DSL blocks and their multiply-adds compared on the same input.
 */
public final class Factorization {
    private Factorization() {
    }

    /** What a factorization costs relative to the block it replaces. */
    public record Savings(String original, String factorized, long originalMacs, long factorizedMacs,
                          long originalParams, long factorizedParams) {
        /** factorized / original multiply-adds: 18/25 = 0.72 for 5x5 -> two 3x3. */
        public double costRatio() {
            return (double) factorizedMacs / originalMacs;
        }

        /** 1 - costRatio: the seeds' 28% and 33%. */
        public double saving() {
            return 1 - costRatio();
        }
    }

    /** A block against its replacement, on an input of the given shape. */
    public static Savings compare(Layer original, Layer factorized, FeatureShape input) {
        BlockReport a = Analyzer.analyze(original, input, Convention.PYTORCH);
        BlockReport b = Analyzer.analyze(factorized, input, Convention.PYTORCH);
        if (!a.output().equals(b.output())) {
            throw new dev.incept.spec.SpecException("", "a factorization must keep the output shape: "
                    + a.output() + " vs " + b.output());
        }
        return new Savings(a.kind(), b.kind(), a.macs(), b.macs(), a.params(), b.params());
    }

    /**
     * A 5x5 convolution against two stacked 3x3 of the same width, as in the paper (no batch norm,
     * so that only the convolutions' arithmetic is compared).
     */
    public static Savings fiveByFiveAsTwoThreeByThree(int width, int grid) {
        return compare(conv(width, 5).noBatchNorm(),
                seq(conv(width, 3).noBatchNorm(), conv(width, 3).noBatchNorm()),
                FeatureShape.of(width, grid, grid));
    }

    /** An n x n convolution against 1 x n followed by n x 1, same width. */
    public static Savings asymmetric(int n, int width, int grid) {
        return compare(conv(width, n).noBatchNorm(),
                seq(conv(width, 1, n).noBatchNorm(), conv(width, n, 1).noBatchNorm()),
                FeatureShape.of(width, grid, grid));
    }
}
