package dev.incept.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import dev.incept.engine.ScriptedTrainingCall;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The update as TorchScript (runtime/src/main/python/fused_update.py, shipped scripted as
 * fused-update.pt), which DJL's libtorch compiles when it loads it.
 */
final class ScriptedUpdate implements UpdateBackend {
    private static final String RESOURCE = "fused-update.pt";

    private final PtSymbolBlock module;

    private ScriptedUpdate(PtSymbolBlock module) {
        this.module = module;
    }

    static ScriptedUpdate load(PtNDManager manager) {
        try (InputStream in = ScriptedUpdate.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from incept-runtime's jar");
            }
            return new ScriptedUpdate(JniUtils.loadModule(manager, in, false, false));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from incept-runtime's jar", e);
        }
    }

    @Override
    public float step(List<NDArray> weights, int decayed, FusedRule rule, float learningRate, float clipNorm,
                      List<NDArray> averaged, List<NDArray> shadows, float averageDecay) {
        List<IValue> args = new ArrayList<>(12);
        try {
            args.add(tensors(weights));
            args.add(tensors(rule.slotsA()));
            args.add(tensors(rule.slotsB()));
            args.add(IValue.from((long) decayed));
            args.add(IValue.from((long) rule.rule().code()));
            args.add(IValue.listFrom(rule.hyper()));
            args.add(IValue.from((double) learningRate));
            args.add(IValue.from((double) rule.weightDecay()));
            args.add(IValue.from((double) clipNorm));
            args.add(tensors(averaged));
            args.add(tensors(shadows));
            args.add(IValue.from((double) averageDecay));
            try (IValue result = IValueUtils.runMethod(module, "step", args.toArray(IValue[]::new))) {
                return norm(result);
            }
        } finally {
            args.forEach(IValue::close);
        }
    }

    @Override
    public float unscale(List<NDArray> weights, float inverse) {
        try (IValue list = tensors(weights); IValue factor = IValue.from((double) inverse);
             IValue result = IValueUtils.runMethod(module, "unscale", list, factor)) {
            return norm(result);
        }
    }

    @Override
    public List<NDArray> cast(List<NDArray> weights, boolean half, PtNDManager owner) {
        try (IValue list = tensors(weights); IValue flag = IValue.from(half);
             IValue result = ScriptedTrainingCall.run(module, "cast", list, flag)) {
            return new ArrayList<>(List.of(result.toTensorArray(owner)));
        }
    }

    @Override
    public void close() {
        module.close();
    }

    /** The norm a scripted method returns first, its other results released. */
    private static float norm(IValue result) {
        IValue[] parts = result.toIValueTuple();
        try {
            return (float) parts[0].toDouble();
        } finally {
            for (IValue part : parts) {
                part.close();
            }
        }
    }

    private static IValue tensors(List<NDArray> arrays) {
        return IValue.listFrom(arrays.stream().map(a -> (PtNDArray) a).toArray(PtNDArray[]::new));
    }
}
