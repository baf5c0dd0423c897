package dev.incept.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.incept.compile.Compiler;
import dev.incept.compile.NetworkBlock;
import dev.incept.data.Batch;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import dev.incept.spec.ActivationKind;
import dev.incept.spec.FeatureShape;
import dev.incept.spec.Layer;
import dev.incept.spec.Network;
import dev.incept.train.StepPhases;
import dev.incept.train.TrainConfig;
import dev.incept.train.Trainer;
import dev.incept.zoo.ModelConfig;
import dev.incept.zoo.Zoo;
import static dev.incept.spec.Layers.*;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What incept computes is what ONNX Runtime computes from the exported file. */
class OnnxExportTest {
    /** The bound: max abs difference at most 1e-4 of the logits' scale. */
    private static final double BOUND = 1e-4;

    static Stream<String> zoo() {
        return Zoo.models().stream().map(Zoo.Model::name);
    }

    @ParameterizedTest(name = "{0} at 75x75")
    @MethodSource("zoo")
    void everyZooModelGivesTheSameLogitsInOnnxRuntime(String model) {
        // With aux heads: their tensors are in the block but not in the inference graph.
        Network net = Zoo.get(model).build(new ModelConfig(10, 3, 75, true, true));
        Engine engine = Engines.load(EngineChoice.PYTORCH);
        try (NDManager manager = engine.newBaseManager()) {
            NetworkBlock block = Compiler.compile(net);
            FeatureShape in = net.input();
            Shape input = new Shape(3, in.channels(), in.height(), in.width());
            block.initialize(manager, DataType.FLOAT32, input);
            perturbStatistics(block, new Random(7));
            compare(net, block, manager, input, new Random(11));
        }
    }

    @Test
    void googlenetAtThirtyPixelsWithItsOverhangingCeilModePoolsMatches() {
        Network net = Zoo.get("googlenet-3x3").build(new ModelConfig(10, 3, 30, true, true));
        try (NDManager manager = Engines.load(EngineChoice.MXNET).newBaseManager()) {
            NetworkBlock block = Compiler.compile(net);
            Shape input = new Shape(2, 3, 30, 30);
            block.initialize(manager, DataType.FLOAT32, input);
            perturbStatistics(block, new Random(3));
            compare(net, block, manager, input, new Random(5));
        }
    }

    @ParameterizedTest(name = "on {0}")
    @org.junit.jupiter.params.provider.EnumSource(EngineChoice.class)
    void everyLayerKindOfTheDslGivesTheSameLogits(EngineChoice engine) {
        // Uneven adaptive windows (7 -> 3, 7 -> 2), an average pool that leaves padding out, a
        // ceil-mode pool, a projected scaled residual with a ReLU, a repeat, dropout, a dense layer
        // on a grid and a global max pool: the paths the zoo's inference graphs do not all take.
        Network net = Network.builder("every-kind").input(3, 15, 15)
                .add(conv(8, 3).stride(2).named("stem"))
                .add(avgPool(3, 1).same().countIncludePad(false), maxPool(3, 2).ceilMode(true).pad(1, 1))
                .add(concat("mixed", conv(4, 1), seq(conv(4, 1), conv(6, 1, 3), conv(6, 3, 1)), avgPool(3, 1).same()))
                .add(residual("res", 0.2, seq(conv(8, 1), conv(12, 3).linear())))
                .add(repeat("twice", 2, identityResidual(0.5, conv(18, 3))))
                .add(concat("grids", seq(adaptiveAvgPool(3), dense(6).relu()), seq(adaptiveAvgPool(2, 1), dropout(0.5), dense(5)),
                        seq(globalMaxPool(), dense(4).bias(false))))
                .add(dense(10).named("logits"))
                .build();
        try (NDManager manager = Engines.load(engine).newBaseManager()) {
            NetworkBlock block = Compiler.compile(net);
            Shape input = new Shape(2, 3, 15, 15);
            block.initialize(manager, DataType.FLOAT32, input);
            perturbStatistics(block, new Random(13));
            compare(net, block, manager, input, new Random(17));
        }
    }

    @ParameterizedTest(name = "on {0}")
    @org.junit.jupiter.params.provider.EnumSource(EngineChoice.class)
    void normalisationsActivationsGatesFlattenAndAFinalSoftmaxGiveTheSameOutputs(EngineChoice engine) {
        // Every activation after a convolution, as a layer, after a residual's sum and after a
        // dense layer; LRN; batch norm on a grid and on a vector; grouped, depthwise and separable
        // convolutions, dilated ones among them; a projected residual with a shortcut of its own; flatten; softmax at the
        // end, which ONNX writes out and incept leaves to the loss.
        List<Layer> layers = new java.util.ArrayList<>(List.of(conv(8, 3).noBatchNorm(), lrn(5, 0.3, 0.75, 2), batchNorm()));
        for (ActivationKind k : ActivationKind.values()) {
            if (k != ActivationKind.LINEAR && k != ActivationKind.SOFTMAX) {
                layers.add(seq(conv(8, 3).activation(k), activation(k), identityResidual(0.5, conv(8, 1)).activation(k)));
            }
        }
        layers.addAll(List.of(conv(8, 3).groups(4), conv(8, 3).dilation(2, 1), depthwise(3).dilation(2).batchNorm(true),
                depthwise(3).multiplier(2).batchNorm(true), separable(8, 3).batchNorm(true),
                residual("xception", 1.0, seq(separable(12, 3), maxPool(3, 2).same())).shortcut(seq(conv(8, 1).stride(2).linear()))
                        .activation(ActivationKind.LINEAR),
                squeezeExcite(4), squeezeExcite(2).activation(ActivationKind.SILU), groupNorm(4), groupNorm(1),
                identityResidual(1.0, seq(split(List.of(2, 2, 2, 2), identity(), depthwise(3), depthwise(1, 5), depthwise(5, 1)),
                        layerNorm(), conv(16, 1).noBatchNorm().activation(ActivationKind.GELU), conv(8, 1).noBatchNorm().linear(),
                        layerScale(0.5))).activation(ActivationKind.LINEAR).dropPath(0.2),
                flatten(), layerNorm(), layerScale(2), groupNorm(2), dense(12).activation(ActivationKind.GELU_TANH), batchNorm(),
                dense(10).activation(ActivationKind.SOFTMAX)));
        Network net = Network.builder("new-kinds").input(3, 8, 8).add(layers.toArray(Layer[]::new)).build();
        try (NDManager manager = Engines.load(engine).newBaseManager()) {
            NetworkBlock block = Compiler.compile(net);
            Shape input = new Shape(2, 3, 8, 8);
            block.initialize(manager, DataType.FLOAT32, input);
            perturbStatistics(block, new Random(13));
            compare(net, block, manager, input, new Random(17));
        }
    }

    @Test
    void aTrainedInceptionMiniGivesTheSameLogitsWithItsMovingAverageOfTheWeights() {
        Network net = Zoo.get("inception-mini").build(Zoo.get("inception-mini").defaults().withInput(1, 28));
        TrainConfig cfg = TrainConfig.defaults().withBatchSize(16).withEmaDecay(0.9);
        try (Trainer t = new Trainer(net, cfg, Engines.load(EngineChoice.PYTORCH))) {
            Random r = new Random(1);
            for (int i = 0; i < 5; i++) {
                float[] pixels = new float[16 * 28 * 28];
                int[] labels = new int[16];
                for (int j = 0; j < pixels.length; j++) {
                    pixels[j] = (float) r.nextGaussian();
                }
                for (int j = 0; j < labels.length; j++) {
                    labels[j] = r.nextInt(10);
                }
                t.step(new Batch(pixels, labels, 16, 1, 28, 28), 0.05f, StepPhases.NONE);
            }
            t.withEvaluatedWeights(block -> compare(net, block, t.manager(), new Shape(4, 1, 28, 28), new Random(2)));
        }
    }

    /** Running statistics away from 0 and 1 and non-trivial scales, so a wrong batch-norm export shows. */
    private static void perturbStatistics(NetworkBlock block, Random r) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            Parameter.Type type = p.getValue().getType();
            NDArray a = p.getValue().getArray();
            float[] v = a.toFloatArray();
            for (int i = 0; i < v.length; i++) {
                if (type == Parameter.Type.RUNNING_MEAN || type == Parameter.Type.BETA) {
                    v[i] = (float) (0.1 * r.nextGaussian());
                } else if (type == Parameter.Type.RUNNING_VAR || type == Parameter.Type.GAMMA) {
                    v[i] = 0.5f + r.nextFloat();
                } else {
                    continue;
                }
            }
            a.set(v);
        }
    }

    private static void compare(Network net, NetworkBlock block, NDManager manager, Shape input, Random r) {
        float[] pixels = new float[(int) input.size()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) r.nextGaussian();
        }
        NDArray x = manager.create(pixels, input);
        NDArray logits = block.forward(new ParameterStore(manager, false), new NDList(x), false).head();
        Layer last = net.layers().get(net.layers().size() - 1);
        boolean softmax = last instanceof dev.incept.spec.Dense d && d.activation() == ActivationKind.SOFTMAX;
        float[] ours = (softmax ? logits.softmax(1) : logits).toFloatArray();
        float[] theirs = OnnxRuntimeLogits.run(Onnx.model(net, block).toByteArray(), pixels, input.getShape());
        assertEquals(ours.length, theirs.length, "logit count");
        double diff = OnnxRuntimeLogits.relativeDifference(theirs, ours);
        assertTrue(diff <= BOUND, net.name() + ": ONNX Runtime's logits differ from incept's by " + diff + " of their scale");
    }
}
