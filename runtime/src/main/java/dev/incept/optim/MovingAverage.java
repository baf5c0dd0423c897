package dev.incept.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An exponential moving average of every parameter (batch-norm statistics included), used for
 * evaluation as in the Inception papers. Decay follows TensorFlow's ExponentialMovingAverage with
 * num_updates: min(decay, (1 + n) / (10 + n)), so short runs are not dominated by the initial weights.
 */
public final class MovingAverage {
    private final double decay;
    private final Map<String, NDArray> shadow = new LinkedHashMap<>();
    private final Scalars scalars = new Scalars();
    private long updates;

    public MovingAverage(double decay) {
        if (!(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException("moving-average decay must be in (0, 1), got " + decay);
        }
        this.decay = decay;
    }

    public double decay() {
        return decay;
    }

    public long updates() {
        return updates;
    }

    public void update(PairList<String, Parameter> params) {
        float d = nextDecay();
        for (Pair<String, Parameter> p : params) {
            NDArray w = p.getValue().getArray();
            NDArray s = shadow.get(p.getKey());
            if (s == null) {
                s = w.duplicate();
                ai.djl.ndarray.NDScope.unregister(s);
                shadow.put(p.getKey(), s);
            } else {
                scalars.muli(s, d).addi(scalars.mul(w, 1 - d));
            }
        }
    }

    /** Whether every parameter has its average yet (after the first update, which only copies). */
    public boolean started(PairList<String, Parameter> params) {
        return !shadow.isEmpty() && shadow.size() == params.size();
    }

    /**
     * For an update done elsewhere ({@link FusedUpdate}): counts it and returns its decay. The
     * caller then moves each of {@link #shadows} towards its parameter by it.
     */
    public float nextDecay() {
        updates++;
        return (float) Math.min(decay, (1.0 + updates) / (10.0 + updates));
    }

    /** The average of each parameter, in {@code params}' order. */
    public List<NDArray> shadows(PairList<String, Parameter> params) {
        List<NDArray> out = new ArrayList<>(params.size());
        for (Pair<String, Parameter> p : params) {
            out.add(shadow.get(p.getKey()));
        }
        return out;
    }

    /** Swaps the averaged values into the parameters and the live values into the shadow; call twice to undo. */
    public void swap(PairList<String, Parameter> params) {
        for (Pair<String, Parameter> p : params) {
            NDArray s = shadow.get(p.getKey());
            if (s == null) {
                continue;
            }
            NDArray w = p.getValue().getArray();
            NDArray live = w.duplicate();
            s.copyTo(w);
            live.copyTo(s);
            live.close();
        }
    }

    public Map<String, NDArray> state() {
        return shadow;
    }

    public void restore(Map<String, NDArray> saved, long savedUpdates) {
        shadow.values().forEach(NDArray::close);
        shadow.clear();
        shadow.putAll(saved);
        updates = savedUpdates;
    }
}
