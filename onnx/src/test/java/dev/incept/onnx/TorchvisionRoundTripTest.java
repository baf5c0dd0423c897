package dev.incept.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.incept.compile.Compiler;
import dev.incept.compile.NetworkBlock;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import dev.incept.spec.Network;
import dev.incept.weights.TorchvisionReference;
import dev.incept.weights.Weights;
import dev.incept.zoo.ModelConfig;
import dev.incept.zoo.Zoo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The round trip in and out: torchvision (Debian's, on the CPU) writes a network's state dict
 * with torch.save and its own eval-mode logits for a batch; incept loads the file into the zoo's
 * twin, exports it to ONNX, and ONNX Runtime's logits for the same batch are torchvision's.
 */
class TorchvisionRoundTripTest {

    @ParameterizedTest(name = "torchvision {0} at {2}x{2}, {3} classes")
    @CsvSource({"googlenet, googlenet-3x3, 64, 10", "inception_v3, inception-v3-torchvision, 299, 10"})
    void torchvisionWeightsExportedToOnnxGiveTorchvisionsLogits(String tv, String model, int size, int classes, @TempDir Path dir)
            throws IOException, InterruptedException {
        Path files = TorchvisionReference.files(tv, size, classes);
        Network net = Zoo.get(model).build(new ModelConfig(classes, 3, size, false, true));
        float[] input = TorchvisionReference.floats(files.resolve("input.f32"));
        float[] expected = TorchvisionReference.floats(files.resolve("logits.f32"));
        Shape shape = new Shape(input.length / (3L * size * size), 3, size, size);
        byte[] onnx;
        try (NDManager manager = Engines.load(EngineChoice.PYTORCH).newBaseManager()) {
            NetworkBlock block = Compiler.compile(net);
            block.initialize(manager, DataType.FLOAT32, shape);
            Weights.LoadReport loaded = Weights.load(block, net, files.resolve("weights.pth"));
            assertTrue(loaded.classifierKept().isEmpty(), "every tensor loads, the classifier included");
            Onnx.export(block, dir.resolve("model.onnx"));
            onnx = Files.readAllBytes(dir.resolve("model.onnx"));
        }
        float[] got = OnnxRuntimeLogits.run(onnx, input, shape.getShape());
        assertEquals(expected.length, got.length);
        double diff = OnnxRuntimeLogits.relativeDifference(got, expected);
        assertTrue(diff <= 1e-4, model + " in ONNX Runtime differs from torchvision's " + tv + " by " + diff + " of the logits' scale");
    }
}
