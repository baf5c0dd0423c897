package dev.incept.train;

import ai.djl.ndarray.NDArray;

/**
 * Told when a {@link TrainingStep} has issued each part of its work, for a benchmark that wants to
 * know where a step's time goes. {@code latest} is an array the part just computed: on a GPU,
 * reading it back waits for everything queued before it, since a stream runs in order.
 */
public interface StepPhases {
    /** Nobody listens (what training uses). */
    StepPhases NONE = (phase, latest) -> { };

    /** {@code phase}: "forward" (the network and its loss), "backward", "update" (clipping, the optimizer, the average). */
    void reached(String phase, NDArray latest);
}
