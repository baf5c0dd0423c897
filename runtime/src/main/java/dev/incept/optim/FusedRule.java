package dev.incept.optim;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An optimizer's update rule as operands of {@link FusedUpdate}: which rule, its numbers in the
 * order {@link OptimizerKind#operands()} names them, and its state slots per weight, in the weights'
 * order ({@code slotsA}/{@code slotsB} empty where unused).
 */
public record FusedRule(OptimizerKind rule, double[] hyper, List<NDArray> slotsA, List<NDArray> slotsB, float weightDecay) {
    public FusedRule {
        if (hyper.length != rule.operands().size()) {
            throw new IllegalArgumentException(rule + " takes " + rule.operands() + ", got " + hyper.length + " numbers");
        }
    }

    /** The rule with its numbers by name, put in the table's order; a name the rule does not take is refused. */
    public static FusedRule of(OptimizerKind rule, Map<String, Double> operands, List<NDArray> slotsA, List<NDArray> slotsB, float weightDecay) {
        if (!operands.keySet().equals(Set.copyOf(rule.operands()))) {
            throw new IllegalArgumentException(rule + " takes " + rule.operands() + ", got " + operands.keySet());
        }
        return new FusedRule(rule, rule.operands().stream().mapToDouble(operands::get).toArray(), slotsA, slotsB, weightDecay);
    }
}
