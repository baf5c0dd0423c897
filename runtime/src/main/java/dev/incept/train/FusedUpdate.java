package dev.incept.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.NativeUpdate;
import dev.incept.engine.ScriptedTrainingCall;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The optimizer update of a whole step on PyTorch as one native call: global-norm clipping, the
 * rule (SGD, RMSProp or Adam), the moving average and the zeroing of the gradients, each over every
 * weight at once with libtorch's multi-tensor operations. The per-weight path makes several native
 * calls per weight (eleven for RMSProp); on a GPU each one is a kernel launch whose host cost
 * exceeds the device's work (bench/DECISIONS.md#fused-update). The maths lives in
 * runtime/src/main/python/fused_update.py, shipped scripted as fused-update.pt, which libtorch
 * compiles when it loads it; on another libtorch than DJL's own (a GPU machine's, through the torch
 * shim) the shim's compiled copy of it runs ({@link NativeUpdate}). MXNet has no such operations
 * and keeps the per-weight path.
 */
final class FusedUpdate implements AutoCloseable {
    private static final String RESOURCE = "fused-update.pt";

    /** The scripted update, or null where the torch shim's compiled one runs instead. */
    private final PtSymbolBlock module;

    private FusedUpdate(PtSymbolBlock module) {
        this.module = module;
    }

    /** Whether arrays of {@code manager}'s engine can be updated this way. */
    static boolean runsOn(NDManager manager) {
        return EngineChoice.of(manager) == EngineChoice.PYTORCH;
    }

    static FusedUpdate load(NDManager manager) {
        if (NativeUpdate.available()) {
            return new FusedUpdate(null);
        }
        try (InputStream in = FusedUpdate.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from incept-runtime's jar");
            }
            return new FusedUpdate(JniUtils.loadModule((PtNDManager) manager, in, false, false));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from incept-runtime's jar", e);
        }
    }

    /**
     * Updates {@code weights} in place from their gradients and zeroes the gradients. The first
     * {@code decayed} weights take the rule's weight decay; {@code shadows} (empty for none) are
     * the moving averages of {@code averaged}, moved by {@code averageDecay}. Returns the global
     * gradient norm when {@code clipNorm} is positive, else 0.
     */
    float step(List<NDArray> weights, int decayed, FusedRule rule, float learningRate, float clipNorm,
               List<NDArray> averaged, List<NDArray> shadows, float averageDecay) {
        if (module == null) {
            return (float) NativeUpdate.step(handles(weights), handles(rule.slotsA()), handles(rule.slotsB()), decayed, rule.rule(),
                    rule.hyper(), learningRate, rule.weightDecay(), clipNorm, handles(averaged), handles(shadows), averageDecay);
        }
        List<IValue> args = new ArrayList<>(12);
        try {
            args.add(tensors(weights));
            args.add(tensors(rule.slotsA()));
            args.add(tensors(rule.slotsB()));
            args.add(IValue.from((long) decayed));
            args.add(IValue.from((long) rule.rule()));
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

    /**
     * Multiplies the gradients of {@code weights} by {@code inverse} (one over a float16 step's loss
     * scale) in one call and returns their global norm; where it is not finite the gradients are
     * zeroed instead.
     */
    float unscale(List<NDArray> weights, float inverse) {
        if (module == null) {
            return (float) NativeUpdate.unscale(handles(weights), inverse);
        }
        try (IValue list = tensors(weights); IValue factor = IValue.from((double) inverse);
             IValue result = IValueUtils.runMethod(module, "unscale", list, factor)) {
            return norm(result);
        }
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

    /**
     * 16-bit copies of {@code weights} in {@code precision}'s format, in one call, made so that the
     * backward pass carries each copy's gradient to its weight; owned by {@code manager}.
     */
    List<NDArray> cast(List<NDArray> weights, Precision precision, NDManager manager) {
        PtNDManager owner = (PtNDManager) manager;
        boolean half = precision == Precision.FP16; // the scripted and native casts also know bfloat16, which DJL cannot hold
        List<NDArray> out = new ArrayList<>(weights.size());
        if (module == null) {
            for (long h : NativeUpdate.cast(handles(weights), half)) {
                out.add(new PtNDArray(owner, h));
            }
            return out;
        }
        try (IValue list = tensors(weights); IValue flag = IValue.from(half);
             IValue result = ScriptedTrainingCall.run(module, "cast", list, flag)) {
            out.addAll(List.of(result.toTensorArray(owner)));
            return out;
        }
    }

    @Override
    public void close() {
        if (module != null) {
            module.close();
        }
    }

    private static long[] handles(List<NDArray> arrays) {
        long[] out = new long[arrays.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((PtNDArray) arrays.get(i)).getHandle();
        }
        return out;
    }

    private static IValue tensors(List<NDArray> arrays) {
        return IValue.listFrom(arrays.stream().map(a -> (PtNDArray) a).toArray(PtNDArray[]::new));
    }
}
