package dev.incept.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A convolution unit whose batch norm and ReLU run as one operator computes what the two blocks
 * compute: outputs, gradients, running statistics, and inference with those statistics.
 */
class BatchNormReluTest {
    private static SequenceBlock unit(boolean fuse) {
        BatchNorm bn = BatchNorm.builder().optEpsilon(Compiler.BN_EPSILON).optMomentum(Compiler.BN_MOMENTUM).build();
        List<Block> parts = List.of(
                Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(5).optBias(false).build(),
                bn,
                new OpBlock("relu", Activation::relu, s -> s));
        return new SequenceBlock(List.of("conv", "bn", "relu"), parts,
                fuse ? new BatchNormRelu(bn, Compiler.BN_EPSILON, Compiler.BN_MOMENTUM) : null);
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(EngineChoice.class)
    void theFusedBatchNormAndReluMatchTheTwoBlocks(EngineChoice choice) {
        Engine engine = Engines.load(choice);
        try (NDManager manager = engine.newBaseManager()) {
            Shape input = new Shape(6, 3, 7, 7);
            SequenceBlock separate = unit(false);
            SequenceBlock fused = unit(true);
            for (SequenceBlock b : new SequenceBlock[] {separate, fused}) {
                b.setInitializer(new NormalInitializer(0.5f), Parameter.Type.WEIGHT);
                b.initialize(manager, DataType.FLOAT32, input);
            }
            List<Parameter> from = separate.getParameters().values();
            List<Parameter> to = fused.getParameters().values();
            for (int i = 0; i < from.size(); i++) {
                to.get(i).getArray().set(from.get(i).getArray().toFloatArray());
            }
            // gamma and beta away from 1 and 0, so that a lost scale or shift would show
            for (SequenceBlock b : new SequenceBlock[] {separate, fused}) {
                bn(b, "gamma").set(new float[] {1.5f, -0.5f, 0.8f, 2f, 0.3f});
                bn(b, "beta").set(new float[] {0.2f, -0.1f, 0f, -1f, 0.5f});
            }

            NDArray x = manager.randomNormal(input).mul(2).add(0.3f);
            NDArray probe = manager.randomNormal(new Shape(6, 5, 7, 7));
            assertEquals(choice == EngineChoice.MXNET, BatchNormRelu.runsOn(x), "fused on MXNet only");
            List<float[]> a = step(engine, manager, separate, x, probe);
            List<float[]> b = step(engine, manager, fused, x, probe);
            assertEquals(a.size(), b.size());
            for (int k = 0; k < a.size(); k++) {
                float[] u = a.get(k);
                float[] v = b.get(k);
                assertEquals(u.length, v.length, "array " + k);
                for (int i = 0; i < u.length; i++) {
                    assertEquals(u[i], v[i], 1e-4 * Math.max(1, Math.abs(u[i])), "array " + k + "[" + i + "]");
                }
            }
            assertTrue(a.size() >= 8, "output, input gradient, parameter gradients, running statistics, inference");
        }
    }

    /**
     * One training step's output and gradients (input, then each trained parameter), the running
     * statistics after it, then an inference output that reads them.
     */
    private static List<float[]> step(Engine engine, NDManager manager, SequenceBlock block, NDArray x, NDArray probe) {
        List<float[]> out = new ArrayList<>();
        List<Parameter> trained = block.getParameters().values().stream().filter(Parameter::requiresGradient).toList();
        trained.forEach(p -> p.getArray().setRequiresGradient(true));
        NDArray in = x.duplicate();
        in.setRequiresGradient(true);
        try (GradientCollector gc = engine.newGradientCollector()) {
            NDList y = block.forward(new ParameterStore(manager, false), new NDList(in), true);
            out.add(y.head().toFloatArray());
            gc.backward(y.head().mul(probe).sum());
        }
        out.add(in.getGradient().toFloatArray());
        trained.forEach(p -> out.add(p.getArray().getGradient().toFloatArray()));
        out.add(bn(block, "runningMean").toFloatArray());
        out.add(bn(block, "runningVar").toFloatArray());
        out.add(block.forward(new ParameterStore(manager, false), new NDList(x), false).head().toFloatArray());
        return out;
    }

    private static NDArray bn(SequenceBlock unit, String name) {
        return ((BatchNorm) unit.getChildren().values().get(1)).getParameters().get(name).getArray();
    }
}
