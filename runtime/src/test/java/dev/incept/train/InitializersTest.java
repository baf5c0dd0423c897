package dev.incept.train;

import static dev.incept.spec.Layers.conv;
import static dev.incept.spec.Layers.depthwise;
import static dev.incept.spec.Layers.flatten;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.incept.compile.Compiler;
import dev.incept.compile.NetworkBlock;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import dev.incept.spec.Network;
import dev.incept.spec.WeightInit;
import dev.incept.zoo.Zoo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InitializersTest {
    /** A 3x3 convolution 32 -> 64, a depthwise 3x3 on 64, and a 1x1 64 -> 128: weights of 18,432, 576 and 8,192 values. */
    private static List<float[]> weights(WeightInit init) {
        Network net = Network.builder("t").input(32, 6, 6).init(init)
                .add(conv(64, 3).noBatchNorm(), depthwise(3), conv(128, 1).noBatchNorm(), flatten()).build();
        Engine engine = Engines.load(EngineChoice.MXNET);
        engine.setRandomSeed(7);
        try (NDManager m = engine.newBaseManager()) {
            NetworkBlock block = Compiler.compile(net);
            Initializers.apply(block, net.init());
            block.initialize(m, DataType.FLOAT32, new Shape(1, 32, 6, 6));
            List<float[]> out = new ArrayList<>();
            for (Pair<String, Parameter> p : block.getParameters()) {
                if (p.getValue().getType() == Parameter.Type.WEIGHT) {
                    out.add(p.getValue().getArray().toFloatArray());
                }
            }
            return out;
        }
    }

    private static double std(float[] w) {
        double sum = 0;
        for (float v : w) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum / w.length);
    }

    private static double max(float[] w) {
        double m = 0;
        for (float v : w) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    // With thousands of values the sample's spread is within 1% of the law's; 5% leaves room without hiding a wrong formula.
    private static void assertNear(double expected, double actual, String what) {
        assertTrue(Math.abs(actual / expected - 1) < 0.05, what + ": expected about " + expected + ", got " + actual);
    }

    @Test
    void heNormalSpreadsBySqrtTwoOverFanIn() {
        List<float[]> w = weights(WeightInit.HE_NORMAL);
        assertEquals(3, w.size());
        assertNear(Math.sqrt(2.0 / (32 * 9)), std(w.get(0)), "3x3 conv");
        assertNear(Math.sqrt(2.0 / 9), std(w.get(1)), "depthwise");
        assertNear(Math.sqrt(2.0 / 64), std(w.get(2)), "1x1 conv");
    }

    @Test
    void glorotUniformStaysWithinSqrtSixOverBothFansAsKerasDoes() {
        List<float[]> w = weights(WeightInit.GLOROT_UNIFORM);
        double[] limits = {Math.sqrt(6.0 / (32 * 9 + 64 * 9)), Math.sqrt(6.0 / (9 + 64 * 9)), Math.sqrt(6.0 / (64 + 128))};
        for (int i = 0; i < 3; i++) {
            assertTrue(max(w.get(i)) <= limits[i], "weights " + i + " beyond Glorot's limit " + limits[i]);
            assertTrue(max(w.get(i)) > 0.97 * limits[i], "weights " + i + " do not reach Glorot's limit " + limits[i]);
            assertNear(limits[i] / Math.sqrt(3), std(w.get(i)), "weights " + i);
        }
    }

    @Test
    void timmsTruncatedNormalHasAStandardDeviationOfTwoHundredths() {
        for (float[] w : weights(WeightInit.TRUNC_NORMAL)) {
            assertNear(0.02, std(w), "weights");
        }
    }

    @Test
    void theZooStartsEachFamilyAsItsPapersCodeDoes() {
        assertEquals(WeightInit.GLOROT_UNIFORM, Zoo.get("xception").build(Zoo.get("xception").defaults()).init());
        assertEquals(WeightInit.TRUNC_NORMAL, Zoo.get("inception-next-tiny").build(Zoo.get("inception-next-tiny").defaults()).init());
        assertEquals(WeightInit.HE_NORMAL, Zoo.get("inception-v3").build(Zoo.get("inception-v3").defaults()).init());
    }
}
