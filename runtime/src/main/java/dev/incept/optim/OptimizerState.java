package dev.incept.optim;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Slots of per-parameter state, created on first use and kept across steps (and checkpoints). */
final class OptimizerState {
    private final Map<String, NDArray> slots = new LinkedHashMap<>();

    NDArray slot(String param, String slot, Supplier<NDArray> init) {
        return slots.computeIfAbsent(param + "/" + slot, k -> {
            NDArray a = init.get();
            // Slots outlive the step's scope; the trainer's manager still frees them at the end.
            ai.djl.ndarray.NDScope.unregister(a);
            return a;
        });
    }

    Map<String, NDArray> all() {
        return slots;
    }

    void restore(Map<String, NDArray> saved) {
        for (Map.Entry<String, NDArray> e : saved.entrySet()) {
            NDArray old = slots.put(e.getKey(), e.getValue());
            if (old != null) {
                old.close();
            }
        }
    }
}
