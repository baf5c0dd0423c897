package dev.incept.compile;

import static dev.incept.spec.Layers.activation;
import static dev.incept.spec.Layers.batchNorm;
import static dev.incept.spec.Layers.conv;
import static dev.incept.spec.Layers.dense;
import static dev.incept.spec.Layers.depthwise;
import static dev.incept.spec.Layers.identity;
import static dev.incept.spec.Layers.layerNorm;
import static dev.incept.spec.Layers.layerScale;
import static dev.incept.spec.Layers.split;
import static dev.incept.spec.Layers.separable;
import static dev.incept.spec.Layers.flatten;
import static dev.incept.spec.Layers.globalAvgPool;
import static dev.incept.spec.Layers.groupNorm;
import static dev.incept.spec.Layers.identityResidual;
import static dev.incept.spec.Layers.lrn;
import static dev.incept.spec.Layers.maxPool;
import static dev.incept.spec.Layers.residual;
import static dev.incept.spec.Layers.seq;
import static dev.incept.spec.Layers.concat;
import static dev.incept.spec.Layers.squeezeExcite;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import dev.incept.analysis.Analyzer;
import dev.incept.analysis.ReceptiveField;
import dev.incept.json.SpecJson;
import dev.incept.spec.ActivationKind;
import dev.incept.spec.Layer;
import dev.incept.spec.Network;
import dev.incept.spec.Residual;
import dev.incept.weights.TorchvisionReference;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each kind of layer gives PyTorch's own modules' output and input gradient on both engines: small
 * networks of each kind, their parameters drawn here, are rebuilt from their JSON form by
 * runtime/src/test/fixtures/torch_reference_net.py with torch.nn (Debian's python3-torch, float64) and compared within
 * 1e-4 of the largest value: the output in inference, the input gradient in training mode. Both
 * run in float64, as TorchvisionReferenceTest's do: MXNet's oneDNN float32 kernels crash the JVM
 * (SIGFPE) computing an input gradient through a concatenation followed by a convolution, which
 * training never asks for; the float32 forward is proven in ONNX Runtime's comparison. A network that ends in softmax is compared after the softmax that the
 * loss applies to incept's logits.
 */
class TorchReferenceLayersTest {
    private static final int BATCH = 2;

    static Map<String, Network> networks() {
        Map<String, Network> out = new LinkedHashMap<>();
        for (ActivationKind k : ActivationKind.values()) {
            if (k == ActivationKind.LINEAR || k == ActivationKind.SOFTMAX) {
                continue;
            }
            // the activation as a layer, and after a convolution, a residual's sum and a dense layer
            out.put("activation-" + k.jsonName(), net(4, 9, conv(6, 3).activation(k), activation(k),
                    identityResidual(0.5, conv(6, 1).activation(k)).activation(k), residual(1.0, conv(3, 3)).activation(k),
                    flatten(), dense(5).activation(k)));
        }
        out.put("batchnorm-keras-student", net(3, 12, conv(8, 3).noBatchNorm(), maxPool(3, 2), batchNorm(), conv(8, 3),
                flatten(), dense(16).activation(ActivationKind.RELU), batchNorm().epsilon(1e-5), dense(10), activation(ActivationKind.SOFTMAX)));
        out.put("lrn-googlenet-paper", net(3, 11, conv(16, 3).noBatchNorm(), lrn(5, 1e-4, 0.75, 1), conv(16, 1).noBatchNorm(),
                lrn(3, 0.5, 0.75, 2), globalAvgPool(), dense(4)));
        out.put("grouped-depthwise-separable", net(4, 9, conv(8, 3).groups(2), depthwise(3).multiplier(2).stride(2),
                separable(12, 3).batchNorm(true).activation(ActivationKind.RELU), separable(6, 5).multiplier(2),
                depthwise(1, 3).batchNorm(true).activation(ActivationKind.GELU), globalAvgPool(), dense(5)));
        Layer unit = seq(activation(ActivationKind.RELU), separable(16, 3).batchNorm(true), activation(ActivationKind.RELU),
                separable(16, 3).batchNorm(true), maxPool(3, 2).same());
        out.put("xception-shortcuts", net(8, 10,
                new Residual("entry", unit, false, 1.0, ActivationKind.LINEAR, seq(conv(16, 1).stride(2).batchNorm(false).linear(), batchNorm())),
                residual("projected", 0.5, seq(separable(24, 3), maxPool(3, 2).same())).shortcut(conv(12, 1).stride(2)),
                flatten(), dense(5)));
        // InceptionNeXt's block: the token mixer on channel slices, batch norm, the 1x1 MLP with GELU,
        // layer scale, added without an activation; then its head's layer norm on a vector
        out.put("inception-next-block", net(16, 9,
                identityResidual(1.0, seq(split(List.of(10, 2, 2, 2), identity(), depthwise(3), depthwise(1, 5), depthwise(5, 1)),
                        batchNorm().epsilon(1e-5), conv(32, 1).noBatchNorm().activation(ActivationKind.GELU),
                        conv(16, 1).noBatchNorm().linear(), layerScale(0.5))).activation(ActivationKind.LINEAR),
                layerNorm(), globalAvgPool(), dense(12).activation(ActivationKind.GELU), layerNorm(), dense(5)));
        // SE-Inception's gate after a concatenation, and SENet's residual form (the gate on the branch before the sum)
        out.put("squeeze-excitation", net(8, 7, concat(conv(8, 1), conv(8, 3)), squeezeExcite(),
                residual(1.0, seq(conv(16, 3), squeezeExcite(4).activation(ActivationKind.SILU))), globalAvgPool(), dense(5)));
        // Dilated convolutions and depthwise convolutions, "same", explicit and no padding, one stride, linear
        // so that every tap reaches the output: torch's receptive field is checked against the analysis's too
        out.put("dilated", net(4, 49, conv(6, 3).dilation(2).linear(), depthwise(3).dilation(3),
                conv(5, 3).dilation(1, 2).stride(2).linear(), conv(4, 3).dilation(2).valid().noBatchNorm().linear(),
                conv(4, 3).dilation(2, 1).pad(1, 1).linear(), depthwise(3).dilation(2).batchNorm(true)));
        // Group norm on a grid (as detectors put it after a convolution), one group (a layer norm over
        // channels and grid), one group per channel (an instance norm), and on a flat vector
        out.put("group-norm", net(8, 6, conv(8, 3).noBatchNorm().linear(), groupNorm(4), activation(ActivationKind.RELU),
                conv(6, 1).noBatchNorm(), groupNorm(1), groupNorm(6), globalAvgPool(), dense(8), groupNorm(2), dense(5)));
        out.put("dense-softmax", net(2, 5, seq(conv(4, 3), flatten()), dense(6).activation(ActivationKind.SOFTMAX)));
        return out;
    }

    private static Network net(int channels, int size, Layer... layers) {
        return Network.builder("t").input(channels, size, size).add(layers).build();
    }

    @ParameterizedTest
    @EnumSource(value = EngineChoice.class, names = {"MXNET", "PYTORCH"})
    void everyLayerKindGivesPyTorchsOutputAndInputGradient(EngineChoice engine, @TempDir Path dir) throws Exception {
        Map<String, float[][]> ours = new LinkedHashMap<>();
        List<String> dirs = new ArrayList<>();
        int seed = 0;
        for (Map.Entry<String, Network> e : networks().entrySet()) {
            Path d = Files.createDirectories(dir.resolve(e.getKey()));
            ours.put(e.getKey(), run(engine, e.getValue(), d, seed++));
            dirs.add(d.toString());
        }
        // one python for every network: importing torch costs more than running them all
        TorchvisionReference.assumeTorch();
        List<String> cmd = new ArrayList<>(List.of(script().toString()));
        cmd.addAll(dirs);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0, "torch-reference-net failed: " + log);

        List<Executable> checks = new ArrayList<>();
        for (Map.Entry<String, float[][]> e : ours.entrySet()) {
            Path d = dir.resolve(e.getKey());
            double[] y = TorchvisionReference.doubles(d.resolve("y.bin"));
            double[] dx = TorchvisionReference.doubles(d.resolve("dx.bin"));
            checks.add(() -> assertClose(e.getKey() + " output", y, e.getValue()[0]));
            checks.add(() -> assertClose(e.getKey() + " input gradient", dx, e.getValue()[1]));
            Path rf = d.resolve("rf.bin");
            if (e.getKey().equals("dilated")) {
                ReceptiveField field = Analyzer.analyze(networks().get(e.getKey())).layers().get(5).field();
                double[] seen = TorchvisionReference.doubles(rf);
                checks.add(() -> assertArrayEquals(new double[] {field.height(), field.width()}, seen,
                        "the receptive field of the dilated network's centre unit"));
            }
        }
        assertAll(checks);
    }

    /** Writes the network, its drawn parameters, an input and the output's weights; returns incept's output and input gradient. */
    private static float[][] run(EngineChoice choice, Network net, Path dir, int seed) throws IOException {
        Files.writeString(dir.resolve("network.json"), SpecJson.write(net));
        Shape shape = new Shape(BATCH, net.input().channels(), net.input().height(), net.input().width());
        Random r = new Random(seed);
        Engine engine = Engines.load(choice);
        try (NDManager m = engine.newBaseManager()) {
            NetworkBlock block = Compiler.compile(net);
            block.initialize(m, DataType.FLOAT64, shape);
            int i = 0;
            for (var param : block.getParameters()) {
                NDArray a = param.getValue().getArray();
                float[] v = new float[(int) a.size()];
                String key = param.getKey();
                double scale = key.endsWith("weight") ? Math.sqrt(2.0 / (a.size() / a.getShape().get(0))) : 0.3;
                for (int j = 0; j < v.length; j++) {
                    v[j] = key.endsWith("runningVar") ? 0.5f + r.nextFloat() : key.endsWith("gamma") ? 0.5f + r.nextFloat()
                            : (float) (r.nextGaussian() * scale);
                }
                a.set(java.nio.DoubleBuffer.wrap(widen(v)));
                write(dir.resolve("param-" + i++ + ".bin"), v);
            }
            float[] x = gaussian(r, (int) shape.size());
            write(dir.resolve("x.bin"), x);
            NDArray in = m.create(widen(x), shape);
            NDArray eval = block.forward(new ParameterStore(m, false), new NDList(in), false).head();
            if (endsInSoftmax(net)) {
                eval = eval.softmax(1);
            }
            float[] y = eval.toType(DataType.FLOAT32, false).toFloatArray();
            float[] g = gaussian(r, y.length);
            write(dir.resolve("g.bin"), g);
            // The gradient in training mode: MXNet records only in training mode, and batch norm's
            // use of the batch's statistics is proven so.
            in.setRequiresGradient(true);
            try (GradientCollector gc = engine.newGradientCollector()) {
                NDArray out = block.forward(new ParameterStore(m, false), new NDList(in), true).head();
                if (endsInSoftmax(net)) {
                    out = out.softmax(1);
                }
                gc.backward(out.mul(m.create(widen(g), out.getShape())).sum());
            }
            return new float[][] {y, in.getGradient().toType(DataType.FLOAT32, false).toFloatArray()};
        }
    }

    private static double[] widen(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    private static boolean endsInSoftmax(Network net) {
        Layer last = net.layers().get(net.layers().size() - 1);
        return last instanceof dev.incept.spec.Activation a && a.kind() == ActivationKind.SOFTMAX
                || last instanceof dev.incept.spec.Dense d && d.activation() == ActivationKind.SOFTMAX;
    }

    private static void assertClose(String what, double[] want, float[] got) {
        assertEquals(want.length, got.length, what + ": length");
        double worst = 0;
        double largest = 0;
        for (int i = 0; i < want.length; i++) {
            worst = Math.max(worst, Math.abs(want[i] - got[i]));
            largest = Math.max(largest, Math.abs(want[i]));
        }
        assertTrue(worst <= 1e-4 * Math.max(1, largest), what + " is " + worst + " away from PyTorch's (largest value " + largest + ")");
    }

    private static float[] gaussian(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    private static void write(Path file, float[] v) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        Files.write(file, b.array());
    }

    private static Path script() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path s = d.resolve("runtime/src/test/fixtures/torch_reference_net.py");
            if (Files.exists(s)) {
                return s;
            }
        }
        throw new IllegalStateException("runtime/src/test/fixtures/torch_reference_net.py not found above " + Path.of("").toAbsolutePath());
    }
}
