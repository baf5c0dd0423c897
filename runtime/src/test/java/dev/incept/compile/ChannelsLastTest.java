package dev.incept.compile;

import static dev.incept.spec.Layers.avgPool;
import static dev.incept.spec.Layers.concat;
import static dev.incept.spec.Layers.conv;
import static dev.incept.spec.Layers.dense;
import static dev.incept.spec.Layers.globalAvgPool;
import static dev.incept.spec.Layers.maxPool;
import static dev.incept.spec.Layers.residual;
import static dev.incept.spec.Layers.seq;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import dev.incept.spec.Network;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * On PyTorch a compiled network stores activations channels-last: same shape, same values. That
 * its gradients and statistics are the true ones is {@link PyTorchGradientsTest}'s to prove.
 */
class ChannelsLastTest {
    /**
     * Every layer kind whose kernel depends on the memory order: convolutions (filter counts off
     * oneDNN's channel block), pools, concatenation, residual, aux head.
     */
    static Network network() {
        return Network.builder("layout").input(3, 15, 15)
                .block("stem", conv(8, 3).stride(2), maxPool(3, 1).same())
                .add(concat("mixed",
                        conv(4, 1),
                        seq(conv(3, 1), conv(4, 1, 3), conv(4, 3, 1)),
                        seq(avgPool(3, 1).same(), conv(2, 1))))
                .add(residual("res", 0.3, seq(concat(conv(4, 1), seq(conv(4, 1), conv(4, 3))), conv(10, 1).linear())))
                .add(maxPool(3, 2).ceilMode(true), globalAvgPool(), dense(5))
                .aux("aux", "mixed", 0.3, avgPool(3, 2), conv(4, 1), globalAvgPool(), dense(5))
                .build();
    }

    @Test
    void theLayoutIsChangedOnPyTorchOnly() {
        for (EngineChoice choice : EngineChoice.values()) {
            try (NDManager manager = Engines.load(choice).newBaseManager()) {
                NDArray x = manager.randomNormal(new Shape(2, 3, 4, 5));
                NDArray stored = ChannelsLast.of(x, false);
                assertEquals(choice == EngineChoice.PYTORCH, stored != x, choice.toString());
                assertEquals(x.getShape(), stored.getShape());
                assertArrayEquals(x.toFloatArray(), stored.toFloatArray(), "the same values at the same indices");
                assertEquals(x.get("1, 2, 3, 4").getFloat(), stored.get("1, 2, 3, 4").getFloat());
            }
        }
    }
}
