package dev.incept.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incept.data.Images;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import dev.incept.metrics.EpochMetrics;

class TrainingStepsTest {

    @ParameterizedTest
    @EnumSource(EngineChoice.class)
    void aFewStepsOfThePaperRecipeLowerTheLoss(EngineChoice engine) {
        Images train = SyntheticImages.bars(512, 4, 16, 1);
        Images test = SyntheticImages.bars(128, 4, 16, 2);
        TrainConfig cfg = TrainConfig.paper().withEpochs(3).withBatchSize(32).withEmaDecay(0.9);
        try (Trainer t = new Trainer(TinyNetwork.build(), cfg, Engines.load(engine))) {
            List<EpochMetrics> h = t.fit(train, test);
            assertTrue(h.get(2).trainLoss() < h.get(0).trainLoss() * 0.8,
                    "loss fell from " + h.get(0).trainLoss() + " to " + h.get(2).trainLoss());
            assertTrue(h.get(2).test().top1() > 0.5, "test accuracy " + h.get(2).test().top1());
        }
    }
}
