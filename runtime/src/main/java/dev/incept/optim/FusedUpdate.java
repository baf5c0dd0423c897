package dev.incept.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.NativeUpdate;
import java.util.List;

/**
 * The optimizer update of a whole step on PyTorch as one native call: global-norm clipping, the
 * rule (SGD, RMSProp or Adam), the moving average and the zeroing of the gradients, each over every
 * weight at once with libtorch's multi-tensor operations. The per-weight path makes several native
 * calls per weight (eleven for RMSProp); on a GPU each one is a kernel launch whose host cost
 * exceeds the device's work (bench/DECISIONS.md#fused-update). The maths lives in
 * runtime/src/main/python/fused_update.py, shipped scripted as fused-update.pt, which libtorch
 * compiles when it loads it ({@link ScriptedUpdate}); on another libtorch than DJL's own (a GPU
 * machine's, through the torch shim) the shim's compiled copy of it runs ({@link ShimUpdate}). The
 * rules and their operands are one table, {@link OptimizerKind}. MXNet has no such operations
 * and keeps the per-weight path.
 */
public final class FusedUpdate implements AutoCloseable {
    private final UpdateBackend backend;

    private FusedUpdate(UpdateBackend backend) {
        this.backend = backend;
    }

    /** Whether arrays of {@code manager}'s engine can be updated this way. */
    public static boolean runsOn(NDManager manager) {
        return EngineChoice.of(manager) == EngineChoice.PYTORCH;
    }

    public static FusedUpdate load(NDManager manager) {
        return new FusedUpdate(NativeUpdate.available() ? new ShimUpdate() : ScriptedUpdate.load((PtNDManager) manager));
    }

    /**
     * Updates {@code weights} in place from their gradients and zeroes the gradients. The first
     * {@code decayed} weights take the rule's weight decay; {@code shadows} (empty for none) are
     * the moving averages of {@code averaged}, moved by {@code averageDecay}. Returns the global
     * gradient norm when {@code clipNorm} is positive, else 0.
     */
    public float step(List<NDArray> weights, int decayed, FusedRule rule, float learningRate, float clipNorm,
               List<NDArray> averaged, List<NDArray> shadows, float averageDecay) {
        return backend.step(weights, decayed, rule, learningRate, clipNorm, averaged, shadows, averageDecay);
    }

    /**
     * Multiplies the gradients of {@code weights} by {@code inverse} (one over a float16 step's loss
     * scale) in one call and returns their global norm; where it is not finite the gradients are
     * zeroed instead.
     */
    public float unscale(List<NDArray> weights, float inverse) {
        return backend.unscale(weights, inverse);
    }

    /**
     * 16-bit copies of {@code weights}, float16 when {@code half} (else bfloat16, which both back
     * ends know and DJL cannot hold), in one call, made so that the backward pass carries each
     * copy's gradient to its weight; owned by {@code manager}.
     */
    public List<NDArray> cast(List<NDArray> weights, boolean half, NDManager manager) {
        return backend.cast(weights, half, (PtNDManager) manager);
    }

    @Override
    public void close() {
        backend.close();
    }
}
