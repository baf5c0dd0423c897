package dev.incept.train;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * An optimizer's update rule as operands of {@link FusedUpdate}: which rule, its numbers, and its
 * state slots per weight, in the weights' order ({@code slotsA}/{@code slotsB} empty where unused).
 */
record FusedRule(int rule, double[] hyper, List<NDArray> slotsA, List<NDArray> slotsB, float weightDecay) {
    // The rule numbers of runtime/src/main/python/fused_update.py.
    static final int SGD = 0;
    static final int RMSPROP = 1;
    static final int ADAM = 2;
}
