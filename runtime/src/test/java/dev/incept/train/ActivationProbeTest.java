package dev.incept.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incept.data.Images;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivationProbeTest {
    @Test
    void everyTopLevelStageGetsItsStatisticsAndAReluStageIsNeverNegative() {
        Images train = SyntheticImages.bars(64, 4, 16, 1);
        try (Trainer t = new Trainer(TrainingStepsTest.tiny(), TrainConfig.defaults().withBatchSize(16).withEpochs(1),
                Engines.load(EngineChoice.MXNET))) {
            List<StageStatistics> stats = t.stageStatistics(train, train, 32);
            assertEquals(List.of("conv3x3", "mixed", "global_avgpool", "logits"), stats.stream().map(StageStatistics::stage).toList());
            StageStatistics conv = stats.get(0);
            assertTrue(conv.mean() >= 0 && conv.std() > 0 && conv.maxAbs() >= conv.mean(), conv.toString());
        }
    }
}
