package dev.incept.train;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/** An optimizer whose whole state is per-parameter slots, saved and restored as they are. */
abstract class SlotOptimizer implements Optimizer {
    protected final OptimizerState state = new OptimizerState();
    protected final Scalars scalars = new Scalars();

    @Override
    public Map<String, NDArray> state() {
        return state.all();
    }

    @Override
    public void restore(Map<String, NDArray> saved) {
        state.restore(saved);
    }
}
