package dev.incept.optim;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** An optimizer whose whole state is per-parameter slots, saved and restored as they are. */
abstract class SlotOptimizer implements Optimizer {
    protected final OptimizerState state = new OptimizerState();
    protected final Scalars scalars = new Scalars();

    @Override
    public Map<String, NDArray> state() {
        return state.all();
    }

    /** The slot {@code slot} of each weight, in order, made by {@code init} from the weight where missing. */
    protected List<NDArray> slots(List<String> names, List<NDArray> weights, String slot, UnaryOperator<NDArray> init) {
        List<NDArray> out = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            NDArray w = weights.get(i);
            out.add(state.slot(names.get(i), slot, () -> init.apply(w)));
        }
        return out;
    }

    @Override
    public void restore(Map<String, NDArray> saved) {
        state.restore(saved);
    }
}
