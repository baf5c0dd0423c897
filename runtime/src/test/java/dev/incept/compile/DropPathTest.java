package dev.incept.compile;

import static dev.incept.spec.Layers.identityResidual;
import static dev.incept.spec.Layers.layerScale;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import dev.incept.spec.ActivationKind;
import dev.incept.spec.Network;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Stochastic depth: in training a residual branch is kept or dropped for a whole example, with the
 * kept ones scaled by 1 / (1 - rate) so the sum keeps its mean; inference always keeps it, unscaled.
 */
class DropPathTest {
    private static final int EXAMPLES = 4000;

    @ParameterizedTest
    @EnumSource(value = EngineChoice.class, names = {"MXNET", "PYTORCH"})
    void trainingDropsWholeExamplesAtTheRateAndInferenceKeepsEveryBranch(EngineChoice engine) {
        // x + drop(1 * x) on ones: 1 where the branch is dropped, 1 + 1 / (1 - 0.25) where it is kept, 2 in inference
        Network net = Network.builder("dp").input(2, 2, 2)
                .add(identityResidual(1.0, layerScale(1.0)).activation(ActivationKind.LINEAR).dropPath(0.25)).build();
        Shape shape = new Shape(EXAMPLES, 2, 2, 2);
        try (NDManager m = Engines.load(engine).newBaseManager()) {
            NetworkBlock block = Compiler.compile(net);
            block.initialize(m, DataType.FLOAT32, shape);
            float[] train = block.forward(new ParameterStore(m, false), new NDList(m.ones(shape)), true).head().toFloatArray();
            int dropped = 0;
            for (int e = 0; e < EXAMPLES; e++) {
                float first = train[e * 8];
                for (int i = 1; i < 8; i++) {
                    assertEquals(first, train[e * 8 + i], 1e-6, "example " + e + " is dropped or kept as a whole");
                }
                if (Math.abs(first - 1f) < 1e-6) {
                    dropped++;
                } else {
                    assertEquals(1 + 1 / 0.75, first, 1e-5, "a kept branch is scaled up");
                }
            }
            // 4,000 examples: the share's standard deviation is 0.007, the bound six of them
            double share = dropped / (double) EXAMPLES;
            assertTrue(Math.abs(share - 0.25) < 0.04, "dropped share " + share);
            for (float v : block.forward(new ParameterStore(m, false), new NDList(m.ones(shape)), false).head().toFloatArray()) {
                assertEquals(2f, v, 1e-6);
            }
        }
    }
}
