package dev.incept.train;

import static dev.incept.spec.Layers.concat;
import static dev.incept.spec.Layers.conv;
import static dev.incept.spec.Layers.dense;
import static dev.incept.spec.Layers.globalAvgPool;
import static dev.incept.spec.Layers.maxPool;
import static dev.incept.spec.Layers.seq;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incept.data.Images;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import dev.incept.spec.Network;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TrainingStepsTest {

    static Network tiny() {
        return Network.builder("tiny").input(1, 16, 16)
                .add(conv(8, 3).stride(2))
                .add(concat(conv(8, 1), seq(conv(4, 1), conv(8, 3)), maxPool(3, 1).same()).named("mixed"))
                .add(globalAvgPool(), dense(4).named("logits"))
                .aux("aux", "mixed", 0.3, globalAvgPool(), dense(4))
                .build();
    }

    @ParameterizedTest
    @EnumSource(EngineChoice.class)
    void aFewStepsOfThePaperRecipeLowerTheLoss(EngineChoice engine) {
        Images train = SyntheticImages.bars(512, 4, 16, 1);
        Images test = SyntheticImages.bars(128, 4, 16, 2);
        TrainConfig cfg = TrainConfig.paper().withEpochs(3).withBatchSize(32).withEmaDecay(0.9);
        try (Trainer t = new Trainer(tiny(), cfg, Engines.load(engine))) {
            List<EpochMetrics> h = t.fit(train, test);
            assertTrue(h.get(2).trainLoss() < h.get(0).trainLoss() * 0.8,
                    "loss fell from " + h.get(0).trainLoss() + " to " + h.get(2).trainLoss());
            assertTrue(h.get(2).test().top1() > 0.5, "test accuracy " + h.get(2).test().top1());
        }
    }
}
