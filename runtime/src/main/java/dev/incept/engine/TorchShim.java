package dev.incept.engine;

/**
 * Puts {@code src/main/native/incept_torch_shim.cpp}, compiled against the machine's own libtorch,
 * in place of the DJL bridge's byte-moving methods, which were compiled for libtorch 2.7 and break
 * on newer ones. Active only when {@code INCEPT_TORCH_SHIM} names the compiled library (the GPU
 * bundle's launcher builds and names it when the libtorch is not 2.7).
 */
final class TorchShim {
    private static boolean installed;

    private TorchShim() {
    }

    /** Once per process; callers hold Engines' lock. */
    static synchronized void installIfNamed() {
        String path = System.getenv("INCEPT_TORCH_SHIM");
        if (installed || path == null || path.isBlank()) {
            return;
        }
        System.load(path);
        String problem;
        try {
            problem = rebind(Class.forName("ai.djl.pytorch.jni.PyTorchLibrary"));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("INCEPT_TORCH_SHIM is set but DJL's PyTorch engine is not on the classpath", e);
        }
        if (problem != null) {
            throw new IllegalStateException("incept torch shim " + path + ": " + problem);
        }
        installed = true;
    }

    /** Whether the shim is loaded (and with it {@link NativeUpdate}'s implementation). */
    static synchronized boolean installed() {
        return installed;
    }

    /** Registers the shim's methods on DJL's PyTorchLibrary; null when done, else what went wrong. */
    private static native String rebind(Class<?> pytorchLibrary);
}
