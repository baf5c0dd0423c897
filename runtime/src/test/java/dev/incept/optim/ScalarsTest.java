package dev.incept.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import dev.incept.optim.Scalars;
import dev.incept.optim.Sgd;

class ScalarsTest {

    @ParameterizedTest
    @EnumSource(EngineChoice.class)
    void keptOperandsGiveTheSameBitsAsDjlsNumberOperands(EngineChoice choice) {
        try (NDManager m = Engines.load(choice).newBaseManager()) {
            Scalars scalars = new Scalars();
            NDArray a = m.randomNormal(new ai.djl.ndarray.types.Shape(7, 3)).mul(3.7f);
            for (float s : new float[] {0.9f, 1e-8f, 0.045f * 0.94f, 1f / 3f, -2.5f}) {
                assertArrayEquals(a.mul(s).toFloatArray(), scalars.mul(a, s).toFloatArray());
                assertArrayEquals(a.add(s).toFloatArray(), scalars.add(a, s).toFloatArray());
                assertArrayEquals(a.div(s).toFloatArray(), scalars.div(a, s).toFloatArray());
                assertArrayEquals(a.duplicate().muli(s).toFloatArray(), scalars.muli(a.duplicate(), s).toFloatArray());
                assertArrayEquals(a.duplicate().addi(s).toFloatArray(), scalars.addi(a.duplicate(), s).toFloatArray());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EngineChoice.class)
    void anSgdStepWithKeptOperandsMatchesTheDefinition(EngineChoice choice) {
        try (NDManager m = Engines.load(choice).newBaseManager()) {
            NDArray w = m.create(new float[] {1f, -2f, 3f});
            NDArray g = m.create(new float[] {0.5f, 0.25f, -1f});
            Sgd sgd = new Sgd(0.9, 0);
            for (int step = 0; step < 3; step++) {
                sgd.update("w", w, g, 0.1f);
            }
            // v: g, 1.9g, 2.71g; w -= 0.1 * (g + 1.9g + 2.71g) = 0.561g
            float[] expected = {1f - 0.561f * 0.5f, -2f - 0.561f * 0.25f, 3f + 0.561f};
            float[] actual = w.toFloatArray();
            for (int i = 0; i < 3; i++) {
                assertEquals(expected[i], actual[i], 1e-6f);
            }
        }
    }
}
