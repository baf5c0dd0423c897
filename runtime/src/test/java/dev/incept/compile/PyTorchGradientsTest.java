package dev.incept.compile;

import static dev.incept.spec.Layers.conv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import dev.incept.spec.Network;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PyTorch's CPU gradients in a compiled network are the true ones. The plain-order (NCHW)
 * convolution backward of the libtorch that DJL ships reads padding it never wrote whenever a
 * layer's filter count is not a multiple of oneDNN's channel block, so its gradients there
 * changed from run to run; these tests run with libtorch filling every new allocation with junk,
 * which turns any such read into NaN on every run.
 */
class PyTorchGradientsTest {
    private static final int N = 6;
    private static final int C = 3;
    private static final int FILTERS = 5;
    private static final int SIZE = 7;

    @Test
    void aConvolutionsGradientsEqualTheirDefinitionWhateverTheHeapHeld() {
        Engine engine = Engines.load(EngineChoice.PYTORCH);
        Network net = Network.builder("one-conv").input(C, SIZE, SIZE).add(conv(FILTERS, 3).noBatchNorm().linear()).build();
        try (NDManager manager = engine.newBaseManager(); TorchJunkMemory junk = TorchJunkMemory.on()) {
            NetworkBlock block = Compiler.compile(net);
            block.setInitializer(new NormalInitializer(0.5f), Parameter.Type.WEIGHT);
            block.initialize(manager, DataType.FLOAT32, new Shape(N, C, SIZE, SIZE));
            NDArray weight = block.getParameters().values().stream()
                    .filter(p -> p.getArray().getShape().dimension() == 4).findFirst().orElseThrow().getArray();
            NDArray x = manager.randomNormal(new Shape(N, C, SIZE, SIZE));
            NDArray probe = manager.randomNormal(new Shape(N, FILTERS, SIZE, SIZE));
            weight.setRequiresGradient(true);
            float[] before = new float[(int) weight.size()];
            for (int step = 0; step < 3; step++) {
                NDArray in = x.duplicate();
                in.setRequiresGradient(true);
                try (GradientCollector gc = engine.newGradientCollector()) {
                    NDList y = block.forward(new ParameterStore(manager, false), new NDList(in), true);
                    gc.backward(y.head().mul(probe).sum());
                }
                double[][] expected = convolutionGradients(x.toFloatArray(), weight.toFloatArray(), probe.toFloatArray());
                assertClose(expected[0], in.getGradient().toFloatArray(), "input gradient, step " + step);
                // PyTorch adds each step's weight gradient to the last one's
                float[] after = weight.getGradient().toFloatArray();
                float[] added = new float[after.length];
                for (int i = 0; i < after.length; i++) {
                    added[i] = after[i] - before[i];
                }
                assertClose(expected[1], added, "weight gradient, step " + step);
                before = after;
            }
        }
    }

    @Test
    void aTrainingStepOnPyTorchEqualsTheSameStepOnMXNet() {
        Engine torch = Engines.load(EngineChoice.PYTORCH);
        Engine mxnet = Engines.load(EngineChoice.MXNET);
        Shape input = new Shape(4, 3, 15, 15);
        try (NDManager tm = torch.newBaseManager(); NDManager mm = mxnet.newBaseManager(); TorchJunkMemory junk = TorchJunkMemory.on()) {
            NetworkBlock onMxnet = Compiler.compile(ChannelsLastTest.network());
            NetworkBlock onTorch = Compiler.compile(ChannelsLastTest.network());
            onMxnet.setInitializer(new NormalInitializer(0.5f), Parameter.Type.WEIGHT);
            onMxnet.initialize(mm, DataType.FLOAT32, input);
            onTorch.initialize(tm, DataType.FLOAT32, input);
            List<Parameter> from = onMxnet.getParameters().values();
            List<Parameter> to = onTorch.getParameters().values();
            assertEquals(from.size(), to.size());
            for (int i = 0; i < from.size(); i++) {
                to.get(i).getArray().set(from.get(i).getArray().toFloatArray());
            }
            NDArray xm = mm.randomNormal(input);
            NDArray probeM = mm.randomNormal(new Shape(4, 5));
            NDArray xt = tm.create(xm.toFloatArray(), input);
            NDArray probeT = tm.create(probeM.toFloatArray(), probeM.getShape());
            List<float[]> expected = SameMaths.trainingStep(mxnet, mm, onMxnet, xm, probeM);
            List<float[]> actual = SameMaths.trainingStep(torch, tm, onTorch, xt, probeT);
            // Logits, the input's gradient, then every trained parameter's: what training uses. The
            // running statistics after them differ by design: PyTorch's running variance applies
            // Bessel's correction, MXNet's does not.
            int compared = 2 + (int) to.stream().filter(Parameter::requiresGradient).count();
            assertTrue(compared > 20, "logits, input gradient, every parameter gradient");
            SameMaths.assertClose(expected.subList(0, compared), actual.subList(0, compared), 1e-4);
        }
    }

    /** The input's and the weight's gradient of sum(probe * conv(x, w)), 3x3, stride 1, padding 1, from the definition. */
    private static double[][] convolutionGradients(float[] x, float[] w, float[] probe) {
        double[] dx = new double[x.length];
        double[] dw = new double[w.length];
        for (int n = 0; n < N; n++) {
            for (int o = 0; o < FILTERS; o++) {
                for (int c = 0; c < C; c++) {
                    for (int ki = 0; ki < 3; ki++) {
                        for (int kj = 0; kj < 3; kj++) {
                            int wi = ((o * C + c) * 3 + ki) * 3 + kj;
                            for (int i = 0; i < SIZE; i++) {
                                for (int j = 0; j < SIZE; j++) {
                                    int xi = i + ki - 1;
                                    int xj = j + kj - 1;
                                    if (xi < 0 || xj < 0 || xi >= SIZE || xj >= SIZE) {
                                        continue;
                                    }
                                    double g = probe[((n * FILTERS + o) * SIZE + i) * SIZE + j];
                                    int at = ((n * C + c) * SIZE + xi) * SIZE + xj;
                                    dx[at] += g * w[wi];
                                    dw[wi] += g * x[at];
                                }
                            }
                        }
                    }
                }
            }
        }
        return new double[][] {dx, dw};
    }

    private static void assertClose(double[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-4 * Math.max(1, Math.abs(expected[i])), what + " [" + i + "]");
        }
    }
}
