package dev.incept.optim;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;

/** SGD with (PyTorch-style) momentum: v = momentum*v + g; w -= lr*v. */
public final class Sgd extends SlotOptimizer {
    private final float momentum;
    private final float weightDecay;

    public Sgd(double momentum, double weightDecay) {
        this.momentum = (float) momentum;
        this.weightDecay = (float) weightDecay;
    }

    @Override
    public void update(String name, NDArray weight, NDArray grad, float lr) {
        NDArray g = weightDecay == 0 || !WeightDecay.applies(name) ? grad : grad.add(scalars.mul(weight, weightDecay));
        if (momentum == 0) {
            weight.subi(scalars.mul(g, lr));
            return;
        }
        NDArray v = state.slot(name, "velocity", () -> weight.zerosLike());
        scalars.muli(v, momentum).addi(g);
        weight.subi(scalars.mul(v, lr));
    }

    @Override
    public FusedRule fused(List<String> names, List<NDArray> weights) {
        List<NDArray> velocity = momentum == 0 ? List.of() : slots(names, weights, "velocity", NDArray::zerosLike);
        return FusedRule.of(OptimizerKind.SGD, Map.of("momentum", (double) momentum), velocity, List.of(), weightDecay);
    }

    @Override
    public String describe() {
        return "sgd(momentum=" + momentum + ", weight_decay=" + weightDecay + ")";
    }
}
