package dev.incept.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
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
            SameMaths.initializeAlike(manager, input, separate, fused);
            // gamma and beta away from 1 and 0, so that a lost scale or shift would show
            for (SequenceBlock b : new SequenceBlock[] {separate, fused}) {
                bn(b, "gamma").set(new float[] {1.5f, -0.5f, 0.8f, 2f, 0.3f});
                bn(b, "beta").set(new float[] {0.2f, -0.1f, 0f, -1f, 0.5f});
            }

            NDArray x = manager.randomNormal(input).mul(2).add(0.3f);
            NDArray probe = manager.randomNormal(new Shape(6, 5, 7, 7));
            assertEquals(choice == EngineChoice.MXNET, BatchNormRelu.runsOn(x), "fused on MXNet only");
            List<float[]> a = SameMaths.assertSameTrainingStep(engine, manager, x, probe, separate, fused, 1e-4);
            assertTrue(a.size() >= 8, "output, input gradient, parameter gradients, running statistics, inference");
        }
    }

    private static NDArray bn(SequenceBlock unit, String name) {
        return ((BatchNorm) unit.getChildren().values().get(1)).getParameters().get(name).getArray();
    }
}
