package dev.incept.engine;

/**
 * The one-call optimizer update compiled into the torch shim (incept_torch_shim.cpp), for a
 * libtorch other than the one DJL's bridge was built for: there the bridge's TorchScript calls
 * crash (they inline libtorch 2.7's autograd state), so the scripted update cannot run. The
 * arguments and the maths are those of runtime/src/main/python/fused_update.py; tensors are DJL's
 * PyTorch handles.
 */
public final class NativeUpdate {
    private NativeUpdate() {
    }

    /** Whether the shim is loaded, so {@link #step} can be called. */
    public static boolean available() {
        return TorchShim.installed();
    }

    /** fused_update.py's {@code step}; returns the global gradient norm when clipping, else 0. */
    public static native double step(long[] weights, long[] slotsA, long[] slotsB, int decayed, int rule, double[] hyper,
                                     double learningRate, double weightDecay, double clipNorm, long[] averaged, long[] shadows,
                                     double averageDecay);

    /** fused_update.py's {@code unscale}: the gradients times {@code inverse}, zeroed on overflow; returns their norm. */
    public static native double unscale(long[] weights, double inverse);

    /** fused_update.py's {@code cast}: 16-bit copies (float16 if {@code half}, else bfloat16) the backward pass goes through. */
    public static native long[] cast(long[] weights, boolean half);
}
