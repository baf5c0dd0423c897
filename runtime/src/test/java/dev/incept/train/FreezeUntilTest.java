package dev.incept.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.incept.data.Images;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FreezeUntilTest {

    private static Map<String, float[]> weights(Trainer t) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : t.block().getParameters()) {
            out.put(p.getKey(), p.getValue().getArray().toFloatArray());
        }
        return out;
    }

    /** TinyNetwork: an unnamed stem convolution, "mixed", then the pool and "logits"; frozen through "mixed". */
    @ParameterizedTest
    @EnumSource(EngineChoice.class)
    void theBlocksUpToTheNamedOneKeepTheirWeightsAndTheRestTrain(EngineChoice engine) {
        Images train = SyntheticImages.bars(128, 4, 16, 1);
        Images test = SyntheticImages.bars(64, 4, 16, 2);
        TrainConfig cfg = TrainConfig.defaults().withEpochs(1).withBatchSize(32).withFreezeUntil("mixed");
        try (Trainer t = new Trainer(TinyNetwork.build(), cfg, Engines.load(engine))) {
            Map<String, float[]> before = weights(t);
            t.fit(train, test);
            Map<String, float[]> after = weights(t);
            boolean logitsMoved = false;
            for (String name : before.keySet()) {
                // DJL numbers the top-level blocks: 01 the stem convolution, 02 "mixed", 04 "logits", 05 the aux head.
                // Batch norm's running statistics are not weights: they follow the batches even when frozen.
                if ((name.startsWith("01") || name.startsWith("02")) && !name.contains("running")) {
                    assertArrayEquals(before.get(name), after.get(name), 0f, name + " is frozen");
                }
                if (name.startsWith("04logits")) {
                    logitsMoved |= !Arrays.equals(before.get(name), after.get(name));
                }
            }
            assertEquals(true, logitsMoved, "the classifier after the frozen blocks trained");
        }
    }

    @ParameterizedTest
    @EnumSource(EngineChoice.class)
    void anUnknownBlockIsRefusedWithTheNetworksBlockNames(EngineChoice engine) {
        TrainConfig cfg = TrainConfig.defaults().withFreezeUntil("mixed7");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(TinyNetwork.build(), cfg, Engines.load(engine)).close());
        assertFalse(e.getMessage().isBlank());
        assertEquals(true, e.getMessage().startsWith("freeze until 'mixed7': tiny has no top-level block of that name; its blocks are "),
                e.getMessage());
    }
}
