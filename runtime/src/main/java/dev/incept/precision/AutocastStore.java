package dev.incept.precision;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import dev.incept.optim.FusedUpdate;

/**
 * Hands the blocks a 16-bit copy of every weight and bias (the convolutions' and dense layers'),
 * made once per step, all in one call, by a cast the backward pass goes through, so the float32
 * weight receives the gradient; batch norm's scale, shift and running statistics are handed over
 * as they are. Only a step's forward pass reads through it, between {@link #begin} and {@link #end}.
 */
public final class AutocastStore extends ParameterStore {
    private final ParameterStore weights;
    private final Precision precision;
    private final List<Parameter> castable = new ArrayList<>();
    private final Map<Parameter, NDArray> copies = new IdentityHashMap<>();

    public AutocastStore(ParameterStore weights, Precision precision, Iterable<Parameter> parameters) {
        super(weights.getManager(), false);
        this.weights = weights;
        this.precision = precision;
        for (Parameter p : parameters) {
            if (p.getType() == Parameter.Type.WEIGHT || p.getType() == Parameter.Type.BIAS) {
                castable.add(p);
            }
        }
    }

    /** Makes this step's copies. */
    public void begin(FusedUpdate caster, NDManager manager) {
        List<NDArray> arrays = new ArrayList<>(castable.size());
        castable.forEach(p -> arrays.add(p.getArray()));
        List<NDArray> cast = caster.cast(arrays, precision == Precision.FP16, manager);
        for (int i = 0; i < cast.size(); i++) {
            copies.put(castable.get(i), cast.get(i));
        }
    }

    /** Frees this step's copies once its backward pass is done. */
    public void end() {
        copies.values().forEach(NDArray::close);
        copies.clear();
    }

    @Override
    public NDArray getValue(Parameter parameter, Device device, boolean training) {
        // A convolution without bias asks for a null parameter.
        NDArray copy = parameter == null ? null : copies.get(parameter);
        return copy != null ? copy : weights.getValue(parameter, device, training);
    }
}
