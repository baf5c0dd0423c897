package dev.incept.engine;

import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs a TorchScript method with autograd on. DJL's public {@code IValueUtils.runMethod} always
 * runs with it off, which suits inference and the optimizer update but detaches anything the
 * backward pass must go through (the 16-bit working copies of the weights); the bridge's own
 * native call takes the training flag, so this reaches it directly.
 */
public final class ScriptedTrainingCall {
    private static final Object LIBRARY;
    private static final Method RUN_METHOD;
    private static final Constructor<IValue> RESULT;

    static {
        try {
            Class<?> library = Class.forName("ai.djl.pytorch.jni.PyTorchLibrary");
            Field lib = library.getDeclaredField("LIB");
            lib.setAccessible(true);
            LIBRARY = lib.get(null);
            RUN_METHOD = library.getDeclaredMethod("moduleRunMethod", long.class, String.class, long[].class, boolean.class, boolean.class);
            RUN_METHOD.setAccessible(true);
            RESULT = IValue.class.getDeclaredConstructor(long.class);
            RESULT.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError("DJL's PyTorch bridge lacks the call incept needs: " + e);
        }
    }

    private ScriptedTrainingCall() {
    }

    /** {@code module.method(args)} with autograd on; the caller closes the result. */
    public static IValue run(PtSymbolBlock module, String method, IValue... args) {
        long[] handles = Arrays.stream(args).mapToLong(IValue::getHandle).toArray();
        try {
            long result = (long) RUN_METHOD.invoke(LIBRARY, module.getHandle(), method, handles, true, false);
            return RESULT.newInstance(result);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
