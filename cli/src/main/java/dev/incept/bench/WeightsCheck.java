package dev.incept.bench;

import dev.incept.command.UsageException;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.incept.compile.Compiler;
import dev.incept.compile.NetworkBlock;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import dev.incept.spec.Network;
import dev.incept.weights.Weights;
import dev.incept.zoo.ModelConfig;
import dev.incept.zoo.Zoo;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * incept weights-check MODEL SIZE CLASSES DIR ENGINE [FILE]: loads DIR/weights.safetensors, or DIR/FILE (written with
 * torchvision's outputs by bench/peers/torchvision_weights.py) into the zoo's MODEL, runs
 * DIR/input.f32 through it in evaluation mode, and compares the logits with DIR/logits.f32.
 * Exit 0 when every logit is within 1e-4 of torchvision's, relative to the largest.
 */
public final class WeightsCheck {
    private WeightsCheck() {
    }

    public static int run(List<String> argv, PrintStream out) throws IOException {
        if (argv.size() != 5 && argv.size() != 6) {
            throw new UsageException("weights-check MODEL SIZE CLASSES DIR ENGINE [FILE (default weights.safetensors)]");
        }
        String model = argv.get(0);
        int size = Integer.parseInt(argv.get(1));
        int classes = Integer.parseInt(argv.get(2));
        Path dir = Path.of(argv.get(3));
        Engine engine = Engines.load(EngineChoice.parse(argv.get(4)));
        Network net = Zoo.get(model).build(new ModelConfig(classes, 3, size, true, true));
        float[] input = floats(dir.resolve("input.f32"));
        float[] expected = floats(dir.resolve("logits.f32"));
        int batch = input.length / (3 * size * size);
        try (NDManager m = engine.newBaseManager()) {
            NetworkBlock block = Compiler.compile(net);
            Shape shape = new Shape(batch, 3, size, size);
            block.initialize(m, DataType.FLOAT32, shape);
            Weights.LoadReport loaded = Weights.load(block, net, dir.resolve(argv.size() == 6 ? argv.get(5) : "weights.safetensors"));
            NDList logits = block.forward(new ParameterStore(m, false), new NDList(m.create(input, shape)), false);
            float[] got = logits.head().toFloatArray();
            double worst = 0;
            double largest = 0;
            for (int i = 0; i < expected.length; i++) {
                worst = Math.max(worst, Math.abs(got[i] - expected[i]));
                largest = Math.max(largest, Math.abs(expected[i]));
            }
            boolean pass = got.length == expected.length && worst <= 1e-4 * Math.max(1, largest);
            out.printf(Locale.ROOT, "%s %dx%d on %s: %d tensors loaded%s; logits differ from torchvision's by at most %.3g (largest logit %.3g): %s%n",
                    model, size, size, engine.getEngineName(), loaded.tensors(),
                    loaded.classifierKept().isEmpty() ? "" : ", classifier kept: " + loaded.classifierKept(), worst, largest, pass ? "same" : "DIFFERENT");
            return pass ? 0 : 1;
        }
    }

    private static float[] floats(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[b.remaining() / 4];
        b.asFloatBuffer().get(out);
        return out;
    }
}
