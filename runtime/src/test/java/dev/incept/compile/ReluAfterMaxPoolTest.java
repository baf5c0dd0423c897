package dev.incept.compile;

import static dev.incept.spec.Layers.concat;
import static dev.incept.spec.Layers.conv;
import static dev.incept.spec.Layers.dense;
import static dev.incept.spec.Layers.globalAvgPool;
import static dev.incept.spec.Layers.maxPool;
import static dev.incept.spec.Layers.seq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.incept.analysis.Analyzer;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import dev.incept.spec.Layer;
import dev.incept.spec.Network;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The compiler applies a ReLU after the strided max pool that follows it, which a user sees in
 * nothing but speed: the same outputs and gradients as the description's order.
 */
class ReluAfterMaxPoolTest {
    /** A stem (conv, then a padded stride-2 pool), a block whose branches all end in ReLU, then a ceil-mode pool. */
    private static List<Layer> layers() {
        return List.of(
                conv(6, 3), maxPool(3, 2).pad(1, 1),
                concat(conv(3, 1).noBatchNorm(),
                        seq(conv(2, 1), conv(4, 3)),
                        seq(maxPool(3, 1).same(), conv(2, 1))),
                maxPool(3, 2).ceilMode(true));
    }

    /** Inside one block the compiler may move each ReLU; as top-level stages it must not. */
    private static Network network(boolean asOneBlock) {
        Network.Builder b = Network.builder("relu-pool").input(2, 15, 15);
        if (asOneBlock) {
            b.block("body", layers().toArray(Layer[]::new));
        } else {
            b.add(layers().toArray(Layer[]::new));
        }
        return b.add(globalAvgPool(), dense(5)).build();
    }

    @Test
    void theReluMovesPastAStridedMaxPoolOnlyInsideABlock() {
        Lowering inside = Lowering.of(Analyzer.analyze(network(true)), CompileOptions.DEFAULTS);
        assertEquals(Set.of("body/maxpool", "body/maxpool_2"), inside.reluApplied());
        assertEquals(Set.of("body/conv3x3", "body/concat/branch0", "body/concat/branch1/conv3x3", "body/concat/branch2/conv1x1"),
                inside.reluDropped(), "the stem's convolution and the last one of each of the block's branches");
        Lowering asStages = Lowering.of(Analyzer.analyze(network(false)), CompileOptions.DEFAULTS);
        assertTrue(asStages.reluApplied().isEmpty() && asStages.reluDropped().isEmpty());
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(EngineChoice.class)
    void movingTheReluKeepsOutputsAndGradients(EngineChoice choice) throws Exception {
        Engine engine = Engines.load(choice);
        try (NDManager manager = engine.newBaseManager()) {
            Shape input = new Shape(4, 2, 15, 15);
            NetworkBlock asWritten = Compiler.compile(network(false));
            NetworkBlock moved = Compiler.compile(network(true));
            // The two nest differently; parameters are copied in declaration order.
            SameMaths.initializeAlike(manager, input, asWritten, moved);

            NDArray x = manager.randomNormal(input);
            NDArray probe = manager.randomNormal(new Shape(4, 5));
            List<float[]> a = SameMaths.assertSameTrainingStep(engine, manager, x, probe, asWritten, moved, 1e-5);
            assertTrue(a.size() > 10, "logits, input gradient and every parameter's gradient compared");
        }
    }
}
