package dev.incept.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.incept.compile.Compiler;
import dev.incept.compile.NetworkBlock;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import dev.incept.spec.Network;
import dev.incept.weights.Weights;
import dev.incept.zoo.ModelConfig;
import dev.incept.zoo.Zoo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The round trip in and out: torchvision (Debian's, on the CPU) writes a network's state dict
 * with torch.save and its own eval-mode logits for a batch; incept loads the file into the zoo's
 * twin, exports it to ONNX, and ONNX Runtime's logits for the same batch are torchvision's.
 */
class TorchvisionRoundTripTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @ParameterizedTest(name = "torchvision {0} at {2}x{2}, {3} classes")
    @CsvSource({"googlenet, googlenet-3x3, 64, 10", "inception_v3, inception-v3-torchvision, 299, 1000"})
    void torchvisionWeightsExportedToOnnxGiveTorchvisionsLogits(String tv, String model, int size, int classes, @TempDir Path dir)
            throws IOException, InterruptedException {
        assumeTrue(torchvisionInstalled(), "Debian's python3-torch and python3-torchvision are not installed "
                + "(scripts/setup-torch-peer installs them; the test command runs it before the tests)");
        Process p = new ProcessBuilder(script().toString(), tv, String.valueOf(size), String.valueOf(classes), dir.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0, "scripts/reference-weights failed: " + log);

        Network net = Zoo.get(model).build(new ModelConfig(classes, 3, size, false, true));
        float[] input = floats(dir.resolve("input.f32"));
        float[] expected = floats(dir.resolve("logits.f32"));
        Shape shape = new Shape(input.length / (3L * size * size), 3, size, size);
        byte[] onnx;
        try (NDManager manager = Engines.load(EngineChoice.PYTORCH).newBaseManager()) {
            NetworkBlock block = Compiler.compile(net);
            block.initialize(manager, DataType.FLOAT32, shape);
            Weights.Loaded loaded = Weights.load(block, net, dir.resolve("weights.pth"));
            assertTrue(loaded.classifierKept().isEmpty(), "every tensor loads, the classifier included");
            Onnx.export(block, dir.resolve("model.onnx"));
            onnx = Files.readAllBytes(dir.resolve("model.onnx"));
        }
        float[] got = OnnxRuntimeLogits.run(onnx, input, shape.getShape());
        assertEquals(expected.length, got.length);
        double diff = OnnxRuntimeLogits.relativeDifference(got, expected);
        assertTrue(diff <= 1e-4, model + " in ONNX Runtime differs from torchvision's " + tv + " by " + diff + " of the logits' scale");
    }

    private static boolean torchvisionInstalled() throws InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import torch, torchvision").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** scripts/reference-weights, found from the module's folder up. */
    private static Path script() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path s = d.resolve("scripts/reference-weights");
            if (Files.exists(s)) {
                return s;
            }
        }
        throw new IllegalStateException("scripts/reference-weights not found above " + Path.of("").toAbsolutePath());
    }

    private static float[] floats(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[b.remaining() / 4];
        b.asFloatBuffer().get(out);
        return out;
    }
}
