package dev.incept.optim;

import static dev.incept.optim.UpdateBackend.handles;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import dev.incept.engine.NativeUpdate;
import java.util.ArrayList;
import java.util.List;

/** The update compiled into the torch shim, for a libtorch other than DJL's own (a GPU machine's). */
final class ShimUpdate implements UpdateBackend {
    @Override
    public float step(List<NDArray> weights, int decayed, FusedRule rule, float learningRate, float clipNorm,
                      List<NDArray> averaged, List<NDArray> shadows, float averageDecay) {
        return (float) NativeUpdate.step(handles(weights), handles(rule.slotsA()), handles(rule.slotsB()), decayed, rule.rule().code(),
                rule.hyper(), learningRate, rule.weightDecay(), clipNorm, handles(averaged), handles(shadows), averageDecay);
    }

    @Override
    public float unscale(List<NDArray> weights, float inverse) {
        return (float) NativeUpdate.unscale(handles(weights), inverse);
    }

    @Override
    public List<NDArray> cast(List<NDArray> weights, boolean half, PtNDManager owner) {
        List<NDArray> out = new ArrayList<>(weights.size());
        for (long h : NativeUpdate.cast(handles(weights), half)) {
            out.add(new PtNDArray(owner, h));
        }
        return out;
    }

    @Override
    public void close() {
        // the shim's code lives as long as the process
    }
}
