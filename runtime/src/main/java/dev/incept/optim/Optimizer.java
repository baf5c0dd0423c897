package dev.incept.optim;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;

/**
 * An update rule applied to every trainable parameter after the gradient collector closed. Written
 * here rather than taken from DJL because DJL's RMSProp throws on PyTorch and its built-in rules
 * differ between engines; these run the same arithmetic on both.
 */
public interface Optimizer {
    /** Called once per training step, before the parameters are updated. */
    default void beginStep() {
    }

    /** Updates {@code weight} in place from {@code grad}; {@code name} keys the per-parameter state. */
    void update(String name, NDArray weight, NDArray grad, float learningRate);

    /**
     * This rule as operands of the whole-step update on PyTorch ({@link FusedUpdate}), with its state
     * slots for {@code names} made where missing; null for a rule that has none, which keeps the
     * per-weight path. Called once per step, after {@link #beginStep()}.
     */
    default FusedRule fused(List<String> names, List<NDArray> weights) {
        return null;
    }

    /** State arrays by "{param}/{slot}", for checkpoints. */
    Map<String, NDArray> state();

    /** Takes state back from a checkpoint; the arrays become this optimizer's own. */
    void restore(Map<String, NDArray> saved);

    /** A short description for logs and checkpoints, e.g. "rmsprop(decay=0.9, epsilon=1.0, momentum=0.9)". */
    String describe();
}
