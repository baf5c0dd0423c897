package dev.incept.train;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * Clipping by global norm, as the Inception-v3 paper's "gradient clipping with threshold 2.0"
 * (TensorFlow's clip_by_global_norm): when the norm of all gradients taken together exceeds the
 * threshold, every gradient is scaled by threshold / norm. DJL's optClipGrad clips each element
 * separately, which changes the gradient's direction.
 */
public final class GradientClipping {
    private GradientClipping() {
    }

    /** Clips in place and returns the norm before clipping. */
    public static float clipByGlobalNorm(List<NDArray> gradients, double threshold) {
        if (gradients.isEmpty()) {
            return 0f;
        }
        NDArray sum = null;
        for (NDArray g : gradients) {
            NDArray sq = g.square().sum();
            sum = sum == null ? sq : sum.add(sq);
        }
        float norm = (float) Math.sqrt(sum.getFloat());
        if (threshold > 0 && norm > threshold) {
            float scale = (float) (threshold / norm);
            for (NDArray g : gradients) {
                g.muli(scale);
            }
        }
        return norm;
    }
}
