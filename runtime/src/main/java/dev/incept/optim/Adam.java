package dev.incept.optim;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;

/** Adam (Kingma and Ba) with bias correction; weight decay is added to the gradient (L2). */
public final class Adam extends SlotOptimizer {
    private static final String STEP = "adam/step";
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float weightDecay;
    private int step;
    private NDArray anyWeight;

    public Adam(double beta1, double beta2, double epsilon, double weightDecay) {
        this.beta1 = (float) beta1;
        this.beta2 = (float) beta2;
        this.epsilon = (float) epsilon;
        this.weightDecay = (float) weightDecay;
    }

    @Override
    public void beginStep() {
        step++;
    }

    @Override
    public void update(String name, NDArray weight, NDArray grad, float lr) {
        anyWeight = weight;
        NDArray g = weightDecay == 0 || !WeightDecay.applies(name) ? grad : grad.add(scalars.mul(weight, weightDecay));
        NDArray m = state.slot(name, "m", weight::zerosLike);
        NDArray v = state.slot(name, "v", weight::zerosLike);
        scalars.muli(m, beta1).addi(scalars.mul(g, 1 - beta1));
        scalars.muli(v, beta2).addi(scalars.muli(g.square(), 1 - beta2));
        float correction1 = correction(beta1);
        float correction2 = correction(beta2);
        NDArray denom = scalars.addi(scalars.div(v, correction2).sqrt(), epsilon);
        weight.subi(scalars.muli(m.div(denom), lr / correction1));
    }

    @Override
    public FusedRule fused(List<String> names, List<NDArray> weights) {
        if (!weights.isEmpty()) {
            anyWeight = weights.get(0);
        }
        List<NDArray> m = slots(names, weights, "m", NDArray::zerosLike);
        List<NDArray> v = slots(names, weights, "v", NDArray::zerosLike);
        return FusedRule.of(OptimizerKind.ADAM, Map.of("beta1", (double) beta1, "beta2", (double) beta2, "epsilon", (double) epsilon,
                "correction1", (double) correction(beta1), "correction2", (double) correction(beta2)), m, v, weightDecay);
    }

    /** Bias correction 1 - beta^t for this step. */
    private float correction(float beta) {
        return 1 - (float) Math.pow(beta, Math.max(step, 1));
    }

    /** The step count travels with the moments, so a resumed run continues the bias correction. */
    @Override
    public Map<String, NDArray> state() {
        if (anyWeight != null) {
            NDArray s = state.slot("adam", "step", () -> anyWeight.getManager().create(new float[] {0f}));
            s.set(new float[] {step});
        }
        return state.all();
    }

    @Override
    public void restore(Map<String, NDArray> saved) {
        state.restore(saved);
        NDArray s = saved.get(STEP);
        step = s == null ? 0 : Math.round(s.getFloat(0));
    }

    @Override
    public String describe() {
        return "adam(beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon=" + epsilon + ", weight_decay=" + weightDecay + ")";
    }
}
