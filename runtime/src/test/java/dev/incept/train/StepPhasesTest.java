package dev.incept.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.incept.compile.Compiler;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import dev.incept.optim.Sgd;

class StepPhasesTest {

    /** Two steps of the same freshly initialized network, the second pair told its phases (the last array updated: the aux bias). */
    @ParameterizedTest
    @EnumSource(EngineChoice.class)
    void aListenerHearsForwardBackwardUpdateOnceEachAndChangesNothing(EngineChoice choice) {
        Engine engine = Engines.load(choice);
        Shape input = new Shape(4, 1, 16, 16);
        float[] pixels = new float[(int) input.size()];
        Random r = new Random(3);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) r.nextGaussian();
        }
        int[] labels = {0, 1, 2, 3};
        List<String> heard = new ArrayList<>();
        float[] silent = twoSteps(engine, input, pixels, labels, StepPhases.NONE);
        float[] told = twoSteps(engine, input, pixels, labels, (phase, latest) -> heard.add(phase + ":" + latest.getShape().dimension()));
        assertEquals(List.of("forward:0", "backward:0", "update:1", "forward:0", "backward:0", "update:1"), heard);
        assertEquals(silent[0], told[0], 0f);
        assertEquals(silent[1], told[1], 0f);
    }

    private static float[] twoSteps(Engine engine, Shape input, float[] pixels, int[] labels, StepPhases phases) {
        try (NDManager manager = engine.newBaseManager()) {
            engine.setRandomSeed(7);
            Block block = Compiler.compile(TinyNetwork.build());
            block.initialize(manager, DataType.FLOAT32, input);
            TrainingStep step = new TrainingStep(manager, block, new ParameterStore(manager, false),
                    new StepRules(new Sgd(0.9, 0), List.of(0.3), 0.1, 1.0, null));
            float first = step.run(pixels, input, labels, 4, 0.05f, null, phases);
            float second = step.run(pixels, input, labels, 4, 0.05f, null, phases);
            return new float[] {first, second};
        }
    }
}
