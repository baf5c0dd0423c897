package dev.incept.bench;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Records libtorch's profiler into a chrome-trace file. On the libtorch DJL ships (2.7) through
 * DJL's own call; on another libtorch through {@code src/main/native/incept_torch_profiler.cpp},
 * compiled against that libtorch by the GPU bundle's launcher and named by
 * {@code INCEPT_TORCH_PROFILER}, because DJL's call dies there (an undefined symbol on 2.11).
 */
final class TorchProfiler {
    private static boolean loaded;

    private TorchProfiler() {
    }

    static void begin(boolean cuda) {
        if (own()) {
            check(start(cuda));
        } else {
            JniUtils.startProfile(cuda, false, false);
        }
    }

    static void end(String file) {
        if (own()) {
            check(stop(file));
        } else {
            JniUtils.stopProfile(file);
        }
    }

    private static synchronized boolean own() {
        String path = System.getenv("INCEPT_TORCH_PROFILER");
        if (path == null || path.isBlank()) {
            return false;
        }
        if (!loaded) {
            System.load(path);
            loaded = true;
        }
        return true;
    }

    private static void check(String problem) {
        if (problem != null) {
            throw new IllegalStateException("libtorch profiler: " + problem);
        }
    }

    private static native String start(boolean cuda);

    private static native String stop(String path);
}
