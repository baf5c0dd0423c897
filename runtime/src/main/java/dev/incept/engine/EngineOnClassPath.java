package dev.incept.engine;

import java.util.Optional;

/**
 * Whether an engine's DJL classes can be loaded, and if not, which Maven coordinates bring them:
 * incept-runtime leaves the engine to its user (both are optional dependencies), so asking for
 * one that was not added gets one line saying what to add instead of DJL's "engine not found".
 */
final class EngineOnClassPath {
    private EngineOnClassPath() {
    }

    /** Empty when {@code choice}'s engine loads through {@code loader}, else what to add. */
    static Optional<String> missing(EngineChoice choice, ClassLoader loader) {
        String provider = choice == EngineChoice.MXNET ? "ai.djl.mxnet.engine.MxEngineProvider" : "ai.djl.pytorch.engine.PtEngineProvider";
        try {
            Class.forName(provider, false, loader);
            return Optional.empty();
        } catch (ClassNotFoundException | LinkageError e) {
            String add = choice == EngineChoice.MXNET
                    ? "ai.djl.mxnet:mxnet-engine:0.36.0 and ai.djl.mxnet:mxnet-native-mkl:1.9.1 (classifier linux-x86_64)"
                    : "ai.djl.pytorch:pytorch-engine:0.36.0, ai.djl.pytorch:pytorch-jni:2.7.1-0.36.0 and ai.djl.pytorch:pytorch-native-cpu:2.7.1 (classifier linux-x86_64)";
            return Optional.of("the " + choice.djlName() + " engine is not on the class path: add " + add
                    + " (docs/dsl.md, \"As a dependency\")");
        }
    }
}
