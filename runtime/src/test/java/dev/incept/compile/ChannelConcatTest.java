package dev.incept.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The engine's own concat (oneDNN's on MXNet) gives what NDArrays.concat gives, forward and backward. */
class ChannelConcatTest {
    @ParameterizedTest(name = "on {0}")
    @EnumSource(EngineChoice.class)
    void joinsConvolutionOutputsLikeNdArraysConcatWithTheSameGradients(EngineChoice choice) {
        Engine engine = Engines.load(choice);
        try (NDManager manager = engine.newBaseManager()) {
            engine.setRandomSeed(3);
            NDArray x = manager.randomNormal(new Shape(2, 4, 6, 6));
            // Convolution outputs, so that MXNet hands oneDNN's blocked layout to the concat.
            NDArray[] weights = {manager.randomNormal(new Shape(3, 4, 3, 3)), manager.randomNormal(new Shape(8, 4, 1, 1)),
                manager.randomNormal(new Shape(5, 4, 3, 3))};
            NDArray probe = manager.randomNormal(new Shape(2, 16, 6, 6));
            float[][] ours = run(engine, x, weights, probe, ChannelConcat::join);
            float[][] plain = run(engine, x, weights, probe, parts -> NDArrays.concat(parts, 1));
            assertEquals(2 * 16 * 6 * 6, ours[0].length, "every channel of every branch joined");
            for (int i = 0; i < ours.length; i++) {
                assertArrayEquals(plain[i], ours[i], 1e-5f, i == 0 ? "joined values" : "gradient of branch " + i);
            }
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(EngineChoice.class)
    void partsThatAreNotWhole8ChannelBlocksTrainThroughTheConvolutionAfterThem(EngineChoice choice) {
        // InceptionNeXt's mixer: slices of 50, 10, 10 and 10 channels joined, then a 1x1 convolution.
        // oneDNN's concat backward failed here on MXNet ("could not construct a sub-memory").
        dev.incept.spec.Network net = dev.incept.spec.Network.builder("slices").input(80, 7, 7)
                .add(dev.incept.zoo.InceptionNext.inceptionMixer(80, 7), dev.incept.spec.Layers.conv(16, 1),
                        dev.incept.spec.Layers.globalAvgPool(), dev.incept.spec.Layers.dense(4))
                .build();
        Engine engine = Engines.load(choice);
        try (NDManager manager = engine.newBaseManager()) {
            NetworkBlock block = Compiler.compile(net);
            Shape shape = new Shape(16, 80, 7, 7);
            block.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, shape);
            block.getParameters().forEach(p -> {
                if (p.getValue().requiresGradient()) {
                    p.getValue().getArray().setRequiresGradient(true);
                }
            });
            try (GradientCollector gc = engine.newGradientCollector()) {
                NDArray y = block.forward(new ai.djl.training.ParameterStore(manager, false), new NDList(manager.randomNormal(shape)), true).head();
                gc.backward(y.sum());
            }
            float g = block.getParameters().get(0).getValue().getArray().getGradient().abs().sum().getFloat();
            org.junit.jupiter.api.Assertions.assertTrue(Float.isFinite(g) && g > 0, "first weight's gradient " + g);
        }
    }

    /** The joined values, then each branch weight's gradient of sum(joined * probe). */
    private static float[][] run(Engine engine, NDArray x, NDArray[] given, NDArray probe, Function<NDList, NDArray> join) {
        float[][] out = new float[given.length + 1][];
        // Fresh copies: MXNet adds each backward pass into the gradients already there.
        NDArray[] weights = new NDArray[given.length];
        for (int i = 0; i < given.length; i++) {
            weights[i] = given[i].duplicate();
            weights[i].setRequiresGradient(true);
        }
        try (GradientCollector gc = engine.newGradientCollector()) {
            NDList parts = new NDList();
            for (NDArray w : weights) {
                long k = w.getShape().get(2);
                parts.add(Conv2d.conv2d(x, w, null, new Shape(1, 1), new Shape(k / 2, k / 2), new Shape(1, 1), 1).head());
            }
            NDArray joined = join.apply(parts);
            out[0] = joined.toFloatArray();
            gc.backward(joined.mul(probe).sum());
        }
        for (int i = 0; i < weights.length; i++) {
            out[i + 1] = weights[i].getGradient().toFloatArray();
        }
        return out;
    }
}
