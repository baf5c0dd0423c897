package dev.incept.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import dev.incept.engine.EngineChoice;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers in the update maths (momentum, learning rate, decay, a clipping scale) as operands.
 * DJL's PyTorch engine turns every number operand into a new tensor on the array's device: on a
 * GPU a pinned host copy and an upload each, two per weight per step, a large share of the host's
 * time (bench/DECISIONS.md#scalars-once). Here each distinct value becomes that tensor
 * once and is reused: the same zero-dimensional float tensor DJL would have made, so the results
 * are the same to the bit. MXNet has operators that take the number itself; there nothing changes.
 *
 * <p>The most recently used values are kept (a learning rate that changes every epoch, Adam's
 * per-step corrections); older ones are closed.
 */
final class Scalars {
    private static final int KEEP = 32;

    private final Map<Float, NDArray> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Float, NDArray> eldest) {
            if (size() > KEEP) {
                eldest.getValue().close();
                return true;
            }
            return false;
        }
    };

    NDArray mul(NDArray a, float s) {
        return tensors(a) ? a.mul(of(a, s)) : a.mul(s);
    }

    NDArray muli(NDArray a, float s) {
        return tensors(a) ? a.muli(of(a, s)) : a.muli(s);
    }

    NDArray add(NDArray a, float s) {
        return tensors(a) ? a.add(of(a, s)) : a.add(s);
    }

    NDArray addi(NDArray a, float s) {
        return tensors(a) ? a.addi(of(a, s)) : a.addi(s);
    }

    NDArray div(NDArray a, float s) {
        return tensors(a) ? a.div(of(a, s)) : a.div(s);
    }

    /** Closes the tensors kept (a Scalars used for one step only). */
    void close() {
        kept.values().forEach(NDArray::close);
        kept.clear();
    }

    private static boolean tensors(NDArray a) {
        return EngineChoice.of(a.getManager()) == EngineChoice.PYTORCH;
    }

    private NDArray of(NDArray like, float s) {
        NDArray t = kept.get(s);
        if (t == null || t.isReleased() || !t.getDevice().equals(like.getDevice())) {
            // On the weights' own manager, which outlives the step; out of the step's scope.
            t = like.getManager().create(s);
            NDScope.unregister(t);
            kept.put(s, t);
        }
        return t;
    }
}
