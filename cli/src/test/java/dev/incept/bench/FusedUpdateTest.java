package dev.incept.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import dev.incept.optim.Adam;
import dev.incept.optim.Optimizer;
import dev.incept.optim.RmsProp;
import dev.incept.optim.Sgd;
import dev.incept.train.TinyNetwork;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one-call update on PyTorch against the per-weight optimizers it replaces: the same weights,
 * optimizer state and moving average after several steps, with and without clipping.
 */
class FusedUpdateTest {
    private static final double TOLERANCE = 1e-6;

    static Stream<Arguments> rules() {
        Map<String, Supplier<Optimizer>> optimizers = Map.of(
                "sgd", () -> new Sgd(0, 0.01),
                "sgd-momentum", () -> new Sgd(0.9, 0.01),
                "rmsprop-paper", () -> new RmsProp(0.9, 1.0, 0.9, 0.01),
                "rmsprop-no-momentum", () -> new RmsProp(0.9, 1e-3, 0, 0),
                "adam", () -> new Adam(0.9, 0.999, 1e-8, 0.01));
        // 0.05 is far below this network's gradient norm, so every step is clipped.
        Stream<Arguments> each = optimizers.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .flatMap(e -> Stream.of(0.0, 0.05).map(clip -> Arguments.of(e.getKey(), e.getValue(), clip)));
        return Stream.concat(each, Stream.of(Arguments.of("adam-no-decay", (Supplier<Optimizer>) () -> new Adam(0.9, 0.999, 1e-8, 0), 0.05)));
    }

    @ParameterizedTest(name = "{0}, clip {2}")
    @MethodSource("rules")
    void oneCallUpdateLeavesWhatThePerWeightOptimizerLeaves(String name, Supplier<Optimizer> optimizer, double clip) {
        Engine engine = Engines.load(EngineChoice.PYTORCH);
        UpdateEquivalence.Gaps r = UpdateEquivalence.compare(engine, Device.cpu(), TinyNetwork.build(), optimizer, clip, 8, 5, 0.05f);
        assertTrue(r.fused(), "the fused path ran on every step");
        assertTrue(r.gradientsZeroed(), "gradients are zeroed for the next step");
        assertTrue(r.worst() <= TOLERANCE, name + ": " + r);
    }

    @Test
    void anOptimizerWithoutAFusedFormKeepsThePerWeightPath() {
        UpdateEquivalence.Gaps r = UpdateEquivalence.compare(Engines.load(EngineChoice.PYTORCH), Device.cpu(),
                TinyNetwork.build(), FusedUpdateTest::plainSgd, 0, 8, 2, 0.05f);
        assertFalse(r.fused());
    }

    /** Plain SGD behind an optimizer that does not say how to fuse it. */
    private static Optimizer plainSgd() {
        return new Optimizer() {
            private final Sgd inner = new Sgd(0, 0);

            @Override
            public void update(String name, NDArray weight, NDArray grad, float learningRate) {
                inner.update(name, weight, grad, learningRate);
            }

            @Override
            public Map<String, NDArray> state() {
                return inner.state();
            }

            @Override
            public void restore(Map<String, NDArray> saved) {
                inner.restore(saved);
            }

            @Override
            public String describe() {
                return "plain";
            }
        };
    }
}
