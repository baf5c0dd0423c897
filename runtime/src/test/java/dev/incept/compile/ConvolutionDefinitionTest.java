package dev.incept.compile;

import static dev.incept.spec.Layers.conv;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import dev.incept.spec.Network;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A compiled convolution's forward pass equals its definition, summed here in double precision.
 * The shapes are those where the AVX2 or AVX-512 kernels of the oneDNN in DJL's libtorch 2.7.1
 * went wrong (engine.OneDnnIsa), with neighbours that were right.
 */
class ConvolutionDefinitionTest {

    @ParameterizedTest(name = "{0}: {1}->{2} channels, {3}x{3} kernel, on {4}x{4}")
    @CsvSource({"PYTORCH, 64, 80, 1, 73", "MXNET, 64, 80, 1, 73", "PYTORCH, 32, 80, 1, 48", "PYTORCH, 64, 96, 1, 73",
                "PYTORCH, 48, 80, 3, 41", "MXNET, 48, 80, 3, 41"})
    void theForwardPassEqualsTheSumThatDefinesIt(EngineChoice choice, int in, int out, int k, int grid) {
        Random r = new Random(2);
        float[] x = gaussian(r, in * grid * grid);
        float[] w = gaussian(r, out * in * k * k);
        Network net = Network.builder("one").input(in, grid, grid).add(plain(out, k)).build();
        float[] got = forward(choice, net, x, List.of(w));
        assertClose(define(define(x, w, in, out, k, grid), null, 0, 0, 0, grid), got, choice);
    }

    @org.junit.jupiter.api.Test
    void aConvolutionFedByAnotherGivesTheSameOnBothEngines() {
        // GoogLeNet's block 4a, where the AVX2 kernels went wrong: 1x1 480->96, then 3x3 96->208,
        // each with batch norm and ReLU, on 14x14, batch 2. MXNet's oneDNN matches torchvision here.
        Network net = Network.builder("two").input(480, 14, 14).add(conv(96, 1), conv(208, 3)).build();
        Shape shape = new Shape(2, 480, 14, 14);
        float[] x = gaussian(new Random(2), (int) shape.size());
        float[] torch = forwardSeeded(EngineChoice.PYTORCH, net, x, shape);
        float[] mxnet = forwardSeeded(EngineChoice.MXNET, net, x, shape);
        double worst = 0;
        double largest = 0;
        for (int i = 0; i < mxnet.length; i++) {
            worst = Math.max(worst, Math.abs(torch[i] - mxnet[i]));
            largest = Math.max(largest, Math.abs(mxnet[i]));
        }
        assertTrue(worst < 1e-4 * Math.max(1, largest), "PyTorch is " + worst + " away from MXNet (largest value " + largest + ")");
    }

    /** Forward in inference with every parameter drawn from one seed: He-scaled weights, running variance in [1, 2). */
    private static float[] forwardSeeded(EngineChoice choice, Network net, float[] x, Shape shape) {
        Engine engine = Engines.load(choice);
        try (NDManager m = engine.newBaseManager()) {
            NetworkBlock block = Compiler.compile(net);
            block.initialize(m, DataType.FLOAT32, shape);
            Random r = new Random(1);
            block.getParameters().forEach(p -> {
                ai.djl.ndarray.NDArray a = p.getValue().getArray();
                float[] v = new float[(int) a.size()];
                double scale = p.getKey().endsWith("weight") ? Math.sqrt(2.0 / (a.size() / a.getShape().get(0))) : 0.3;
                for (int i = 0; i < v.length; i++) {
                    v[i] = p.getKey().endsWith("runningVar") ? 1f + r.nextFloat() : (float) (r.nextGaussian() * scale);
                }
                a.set(FloatBuffer.wrap(v));
            });
            return block.forward(new ParameterStore(m, false), new NDList(m.create(x, shape)), false).head().toFloatArray();
        }
    }

    private static dev.incept.spec.Conv plain(int filters, int k) {
        return conv(filters, k).noBatchNorm().bias(false).linear();
    }

    private static float[] gaussian(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    private static float[] forward(EngineChoice choice, Network net, float[] x, List<float[]> weights) {
        Shape shape = new Shape(1, net.input().channels(), net.input().height(), net.input().width());
        Engine engine = Engines.load(choice);
        try (NDManager m = engine.newBaseManager()) {
            NetworkBlock block = Compiler.compile(net);
            block.initialize(m, DataType.FLOAT32, shape);
            for (int i = 0; i < weights.size(); i++) {
                block.getParameters().get(i).getValue().getArray().set(FloatBuffer.wrap(weights.get(i)));
            }
            return block.forward(new ParameterStore(m, false), new NDList(m.create(x, shape)), false).head().toFloatArray();
        }
    }

    /** A "same" convolution by its definition, in double precision; with {@code w} null, x itself. */
    private static float[] define(float[] x, float[] w, int in, int out, int k, int grid) {
        if (w == null) {
            return x;
        }
        int pad = k / 2;
        float[] y = new float[out * grid * grid];
        for (int o = 0; o < out; o++) {
            for (int a = 0; a < grid; a++) {
                for (int b = 0; b < grid; b++) {
                    double sum = 0;
                    for (int i = 0; i < in; i++) {
                        for (int da = 0; da < k; da++) {
                            for (int db = 0; db < k; db++) {
                                int aa = a + da - pad;
                                int bb = b + db - pad;
                                if (aa >= 0 && aa < grid && bb >= 0 && bb < grid) {
                                    sum += (double) w[((o * in + i) * k + da) * k + db] * x[(i * grid + aa) * grid + bb];
                                }
                            }
                        }
                    }
                    y[(o * grid + a) * grid + b] = (float) sum;
                }
            }
        }
        return y;
    }

    private static void assertClose(float[] expected, float[] got, EngineChoice choice) {
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - got[i]));
        }
        assertTrue(worst < 1e-3, choice + ": the convolution is " + worst + " away from its definition");
    }
}
