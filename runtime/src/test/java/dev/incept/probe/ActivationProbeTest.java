package dev.incept.probe;

import dev.incept.train.TinyNetwork;
import dev.incept.train.Trainer;
import dev.incept.train.TrainConfig;
import dev.incept.train.SyntheticImages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incept.data.Images;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import java.util.List;
import org.junit.jupiter.api.Test;
import dev.incept.probe.StageStatistics;

class ActivationProbeTest {
    @Test
    void everyTopLevelStageGetsItsStatisticsAndAReluStageIsNeverNegative() {
        Images train = SyntheticImages.bars(64, 4, 16, 1);
        try (Trainer t = new Trainer(TinyNetwork.build(), TrainConfig.defaults().withBatchSize(16).withEpochs(1),
                Engines.load(EngineChoice.MXNET))) {
            List<StageStatistics> stats = t.stageStatistics(train, train, 32);
            assertEquals(List.of("conv3x3", "mixed", "global_avgpool", "logits"), stats.stream().map(StageStatistics::stage).toList());
            StageStatistics conv = stats.get(0);
            assertTrue(conv.mean() >= 0 && conv.std() > 0 && conv.maxAbs() >= conv.mean(), conv.toString());
        }
    }
}
