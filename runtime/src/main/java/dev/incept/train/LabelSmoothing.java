package dev.incept.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Cross-entropy against label-smoothed targets (Inception-v3, section 7): the target puts
 * 1 - epsilon + epsilon/K on the true class and epsilon/K on every other class; epsilon 0 is the
 * plain cross-entropy. DJL has no such loss, so it is written here once for both engines.
 */
public final class LabelSmoothing {
    private LabelSmoothing() {
    }

    /** Smoothed one-hot targets, built on the Java side so labels need no engine-specific integer type. */
    public static float[] targets(int[] labels, int classes, double epsilon) {
        check(epsilon);
        float off = (float) (epsilon / classes);
        float on = (float) (1 - epsilon + epsilon / classes);
        float[] t = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " outside 0.." + (classes - 1));
            }
            java.util.Arrays.fill(t, i * classes, (i + 1) * classes, off);
            t[i * classes + labels[i]] = on;
        }
        return t;
    }

    /** Mean over the batch of -sum_k target_k log softmax(logits)_k. */
    public static NDArray loss(NDArray logits, NDArray targets) {
        return logits.logSoftmax(1).mul(targets).sum(new int[] {1}).neg().mean();
    }

    public static NDArray loss(NDManager manager, NDArray logits, int[] labels, double epsilon) {
        int classes = (int) logits.getShape().get(1);
        NDArray t = manager.create(targets(labels, classes, epsilon), logits.getShape());
        return loss(logits, t);
    }

    static void check(double epsilon) {
        if (!(epsilon >= 0 && epsilon < 1)) {
            throw new IllegalArgumentException("label smoothing must be in [0, 1), got " + epsilon);
        }
    }
}
