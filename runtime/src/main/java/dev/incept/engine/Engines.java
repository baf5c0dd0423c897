package dev.incept.engine;

import ai.djl.engine.Engine;

/**
 * Loads exactly one DJL engine. Both engines sit on the classpath; DJL would otherwise load MXNet
 * as the default whenever any code asks for "the" engine, and training PyTorch with MXNet loaded
 * beside it was measured markedly slower when the engines were first set up.
 */
public final class Engines {
    private Engines() {
    }

    public static synchronized Engine load(EngineChoice choice) {
        // Never reach DJL's download hosts; everything comes from Maven jars.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        EngineOnClassPath.missing(choice, Engines.class.getClassLoader()).ifPresent(why -> {
            throw new IllegalStateException(why);
        });
        System.setProperty("ai.djl.default_engine", choice.djlName());
        NativeHeap.hold();
        if (choice == EngineChoice.PYTORCH) {
            PyTorchNatives.prepare();
            OneDnnIsa.capToCorrectKernels();
        } else {
            CpuThreads.useEveryCore();
        }
        Engine engine = Engine.getEngine(choice.djlName());
        if (choice == EngineChoice.PYTORCH) {
            TorchShim.installIfNamed();
        }
        return engine;
    }

    public static Engine fromEnvironment() {
        return load(EngineChoice.fromEnvironment());
    }
}
