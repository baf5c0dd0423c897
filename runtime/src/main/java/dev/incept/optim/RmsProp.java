package dev.incept.optim;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;

/**
 * RMSProp as TensorFlow defines it and the Inception papers used it (decay 0.9, epsilon 1.0):
 * ms = decay*ms + (1-decay)*g^2; mom = momentum*mom + lr*g/sqrt(ms + epsilon); w -= mom.
 * Epsilon sits inside the square root, and ms starts at one as in TF1's slot initializer; with
 * epsilon 1.0 the step is bounded by lr*|g|, which is why the papers could use it at lr 0.045.
 */
public final class RmsProp extends SlotOptimizer {
    private final float decay;
    private final float epsilon;
    private final float momentum;
    private final float weightDecay;

    public RmsProp(double decay, double epsilon, double momentum, double weightDecay) {
        this.decay = (float) decay;
        this.epsilon = (float) epsilon;
        this.momentum = (float) momentum;
        this.weightDecay = (float) weightDecay;
    }

    @Override
    public void update(String name, NDArray weight, NDArray grad, float lr) {
        NDArray g = weightDecay == 0 || !WeightDecay.applies(name) ? grad : grad.add(scalars.mul(weight, weightDecay));
        NDArray ms = state.slot(name, "ms", () -> weight.onesLike());
        scalars.muli(ms, decay).addi(scalars.muli(g.square(), 1 - decay));
        NDArray step = scalars.muli(g.div(scalars.add(ms, epsilon).sqrt()), lr);
        if (momentum != 0) {
            NDArray mom = state.slot(name, "mom", () -> weight.zerosLike());
            scalars.muli(mom, momentum).addi(step);
            weight.subi(mom);
        } else {
            weight.subi(step);
        }
    }

    @Override
    public FusedRule fused(List<String> names, List<NDArray> weights) {
        List<NDArray> ms = slots(names, weights, "ms", NDArray::onesLike);
        List<NDArray> mom = momentum == 0 ? List.of() : slots(names, weights, "mom", NDArray::zerosLike);
        return FusedRule.of(OptimizerKind.RMSPROP, Map.of("decay", (double) decay, "epsilon", (double) epsilon, "momentum", (double) momentum), ms, mom, weightDecay);
    }

    @Override
    public String describe() {
        return "rmsprop(decay=" + decay + ", epsilon=" + epsilon + ", momentum=" + momentum + ", weight_decay=" + weightDecay + ")";
    }
}
