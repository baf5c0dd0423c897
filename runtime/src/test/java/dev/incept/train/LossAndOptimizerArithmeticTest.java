package dev.incept.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import dev.incept.optim.Adam;
import dev.incept.optim.GradientClipping;
import dev.incept.optim.LearningRate;
import dev.incept.optim.Optimizer;
import dev.incept.optim.RmsProp;
import dev.incept.optim.Sgd;

/** The recipe's arithmetic against values worked out by hand (in the comments), on both engines. */
class LossAndOptimizerArithmeticTest {

    private static NDManager manager(EngineChoice e) {
        return Engines.load(e).newBaseManager();
    }

    @ParameterizedTest
    @EnumSource(EngineChoice.class)
    void labelSmoothedCrossEntropyEqualsTheFormula(EngineChoice engine) {
        try (NDManager m = manager(engine)) {
            NDArray logits = m.create(new float[] {2, 1, 0}, new ai.djl.ndarray.types.Shape(1, 3));
            // log-sum-exp = ln(e^2 + e + 1) = 2.407606; log p = (-0.407606, -1.407606, -2.407606)
            org.junit.jupiter.api.Assertions.assertEquals(0.407606, LabelSmoothing.loss(m, logits, new int[] {0}, 0).getFloat(), 1e-5);
            // eps 0.1, K 3: 0.933333 * 0.407606 + 0.033333 * (1.407606 + 2.407606) = 0.507606
            org.junit.jupiter.api.Assertions.assertEquals(0.507606, LabelSmoothing.loss(m, logits, new int[] {0}, 0.1).getFloat(), 1e-5);
        }
    }

    @Test
    void smoothedTargetsPutOneMinusEpsilonPlusEpsilonOverKOnTheTrueClass() {
        assertArrayEquals(new float[] {0.025f, 0.925f, 0.025f, 0.025f}, LabelSmoothing.targets(new int[] {1}, 4, 0.1), 1e-7f);
        assertThrows(IllegalArgumentException.class, () -> LabelSmoothing.targets(new int[] {4}, 4, 0.1));
        assertThrows(IllegalArgumentException.class, () -> LabelSmoothing.targets(new int[] {0}, 4, 1.0));
    }

    @ParameterizedTest
    @EnumSource(EngineChoice.class)
    void rmsPropWithEpsilonInsideTheRootMatchesTensorFlowsUpdate(EngineChoice engine) {
        try (NDManager m = manager(engine)) {
            // decay 0.9, eps 1, lr 0.1, g 0.5, ms starts at 1:
            // ms = 0.9 + 0.1 * 0.25 = 0.925; w = 1 - 0.1 * 0.5 / sqrt(1.925) = 0.9639625
            // ms = 0.8575;                 w = 0.9639625 - 0.05 / sqrt(1.8575) = 0.9272761
            assertSteps(List.of(0.9639625, 0.9272761), twoSteps(m, new RmsProp(0.9, 1.0, 0, 0)), 1e-6);
            // momentum 0.9: mom = 0.0360375, then 0.9 * 0.0360375 + 0.0366864 = 0.0691202
            assertSteps(List.of(0.9639625, 0.8948423), twoSteps(m, new RmsProp(0.9, 1.0, 0.9, 0)), 1e-6);
        }
    }

    @ParameterizedTest
    @EnumSource(EngineChoice.class)
    void sgdWithMomentumAndAdamTakeTheirTextbookSteps(EngineChoice engine) {
        try (NDManager m = manager(engine)) {
            // v = 0.5, w = 0.95; v = 0.45 + 0.5 = 0.95, w = 0.95 - 0.095 = 0.855
            assertSteps(List.of(0.95, 0.855), twoSteps(m, new Sgd(0.9, 0)), 1e-6);
            // bias-corrected Adam moves by lr * g / |g| on a constant gradient: 0.9, 0.8
            assertSteps(List.of(0.9, 0.8), twoSteps(m, new Adam(0.9, 0.999, 1e-8, 0)), 1e-5);
        }
    }

    private static List<Double> twoSteps(NDManager m, Optimizer opt) {
        NDArray w = m.create(new float[] {1f});
        NDArray g = m.create(new float[] {0.5f});
        opt.beginStep();
        opt.update("w", w, g, 0.1f);
        double first = w.getFloat(0);
        opt.beginStep();
        opt.update("w", w, g, 0.1f);
        return List.of(first, (double) w.getFloat(0));
    }

    private static void assertSteps(List<Double> expected, List<Double> actual, double tolerance) {
        for (int i = 0; i < expected.size(); i++) {
            org.junit.jupiter.api.Assertions.assertEquals(expected.get(i), actual.get(i), tolerance, "step " + (i + 1));
        }
    }

    @Test
    void thePapersScheduleDecaysBy094EveryTwoEpochs() {
        LearningRate lr = LearningRate.exponential(0.045, 0.94, 2);
        double[] expected = {0.045, 0.045, 0.0423, 0.0423, 0.039762, 0.039762};
        for (int epoch = 0; epoch < expected.length; epoch++) {
            org.junit.jupiter.api.Assertions.assertEquals(expected[epoch], lr.at(epoch), 1e-9, "epoch " + epoch);
        }
        org.junit.jupiter.api.Assertions.assertEquals(0.045 * Math.pow(0.94, 50), lr.at(100), 1e-12);
        LearningRate warm = lr.withWarmup(2);
        org.junit.jupiter.api.Assertions.assertEquals(0.0225, warm.at(1), 1e-6);
        org.junit.jupiter.api.Assertions.assertEquals(0.0423, warm.at(2), 1e-9);
    }

    @ParameterizedTest
    @EnumSource(EngineChoice.class)
    void clippingScalesAllGradientsByTheirGlobalNorm(EngineChoice engine) {
        try (NDManager m = manager(engine)) {
            NDArray a = m.create(new float[] {3, 4});
            // a convolution's gradient is 4-D
            NDArray b = m.create(new float[] {12, 0, 0, 0}, new ai.djl.ndarray.types.Shape(1, 1, 2, 2));
            // sqrt(9 + 16 + 144) = 13 > 2: every element times 2/13, direction kept
            org.junit.jupiter.api.Assertions.assertEquals(13f, GradientClipping.clipByGlobalNorm(List.of(a, b), 2.0), 1e-5);
            assertArrayEquals(new float[] {6f / 13, 8f / 13}, a.toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {24f / 13, 0, 0, 0}, b.toFloatArray(), 1e-6f);
            NDArray small = m.create(new float[] {0.3f, 0.4f});
            GradientClipping.clipByGlobalNorm(List.of(small), 2.0);
            assertArrayEquals(new float[] {0.3f, 0.4f}, small.toFloatArray(), 1e-7f);
        }
    }
}
