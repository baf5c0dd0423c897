package dev.incept.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import java.util.List;

/**
 * Where {@link FusedUpdate}'s maths runs: the scripted module on DJL's own libtorch, or the torch
 * shim's compiled copy on another one. Both take the operands of {@link OptimizerKind}'s table.
 */
sealed interface UpdateBackend extends AutoCloseable permits ScriptedUpdate, ShimUpdate {
    /** See {@link FusedUpdate#step}. */
    float step(List<NDArray> weights, int decayed, FusedRule rule, float learningRate, float clipNorm,
               List<NDArray> averaged, List<NDArray> shadows, float averageDecay);

    /** See {@link FusedUpdate#unscale}. */
    float unscale(List<NDArray> weights, float inverse);

    /** 16-bit copies of {@code weights} (float16 when {@code half}, else bfloat16), owned by {@code owner}. */
    List<NDArray> cast(List<NDArray> weights, boolean half, PtNDManager owner);

    @Override
    void close();

    static long[] handles(List<NDArray> arrays) {
        long[] out = new long[arrays.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((PtNDArray) arrays.get(i)).getHandle();
        }
        return out;
    }
}
