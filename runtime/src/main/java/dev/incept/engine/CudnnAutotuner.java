package dev.incept.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Turns on cuDNN's autotuner (each convolution shape times cuDNN's algorithms once and keeps the
 * fastest) when PyTorch trains on a GPU. Training repeats the same few shapes thousands of
 * times, so the one-off search pays (bench/DECISIONS.md#channels-last-gpu). The setting is
 * libtorch's, for the whole process.
 */
public final class CudnnAutotuner {
    private CudnnAutotuner() {
    }

    public static void enableFor(Engine engine, Device device) {
        if (device != null && device.isGpu() && EngineChoice.of(engine) == EngineChoice.PYTORCH) {
            JniUtils.setBenchmarkCuDNN(true);
        }
    }
}
