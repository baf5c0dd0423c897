package dev.incept.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/** The engine's float32 matrix-multiply rate, the ceiling against which a training step is judged. */
public final class MatMulRate {
    private MatMulRate() {
    }

    /** GFLOP/s (2 n^3 per product), median of {@code repeats} after {@code warmup} products. */
    public static double gflops(Engine engine, int n, int warmup, int repeats) {
        return gflops(engine, Device.cpu(), n, warmup, repeats);
    }

    /** The same on {@code device}. */
    public static double gflops(Engine engine, Device device, int n, int warmup, int repeats) {
        try (NDManager m = engine.newBaseManager(device)) {
            NDArray a = m.randomUniform(-1, 1, new Shape(n, n));
            NDArray b = m.randomUniform(-1, 1, new Shape(n, n));
            double[] secs = new double[repeats];
            for (int i = -warmup; i < repeats; i++) {
                long t0 = System.nanoTime();
                try (NDArray c = a.matMul(b); NDArray corner = c.get(0, 0)) {
                    corner.getFloat();
                }
                if (i >= 0) {
                    secs[i] = (System.nanoTime() - t0) / 1e9;
                }
            }
            Arrays.sort(secs);
            return 2.0 * n * n * n / secs[repeats / 2] / 1e9;
        }
    }
}
