package dev.incept.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import dev.incept.engine.EngineChoice;
import java.util.List;

/**
 * Clipping by global norm, as the Inception-v3 paper's "gradient clipping with threshold 2.0"
 * (TensorFlow's clip_by_global_norm): when the norm of all gradients taken together exceeds the
 * threshold, every gradient is scaled by threshold / norm. DJL's optClipGrad clips each element
 * separately, which changes the gradient's direction.
 *
 * <p>Each squared norm is a dot product of the flattened gradient with itself: one BLAS call,
 * where square().sum() makes a full temporary and a separate reduction, several times slower on
 * MXNet (bench/DECISIONS.md#clip-norm-dot).
 */
public final class GradientClipping {
    private GradientClipping() {
    }

    /** Clips in place and returns the norm before clipping. */
    public static float clipByGlobalNorm(List<NDArray> gradients, double threshold) {
        if (gradients.isEmpty()) {
            return 0f;
        }
        float norm = tensors(gradients.get(0)) ? normOfNorms(gradients) : sqrtOfDots(gradients);
        if (threshold > 0 && norm > threshold) {
            float scale = (float) (threshold / norm);
            Scalars once = new Scalars();
            for (NDArray g : gradients) {
                once.muli(g, scale);
            }
            once.close();
        }
        return norm;
    }

    private static float sqrtOfDots(List<NDArray> gradients) {
        NDArray sum = null;
        for (NDArray g : gradients) {
            NDArray flat = g.reshape(-1);
            NDArray sq = flat.dot(flat);
            sum = sum == null ? sq : sum.add(sq);
        }
        return (float) Math.sqrt(sum.getFloat());
    }

    /** The norm of the gradients' norms, summed in the order FusedUpdate's one call sums them. */
    private static float normOfNorms(List<NDArray> gradients) {
        NDList norms = new NDList(gradients.size());
        for (NDArray g : gradients) {
            norms.add(g.norm());
        }
        return NDArrays.stack(norms).norm().getFloat();
    }

    private static boolean tensors(NDArray a) {
        return EngineChoice.of(a.getManager()) == EngineChoice.PYTORCH;
    }
}
