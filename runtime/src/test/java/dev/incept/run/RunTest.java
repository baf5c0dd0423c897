package dev.incept.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incept.data.Augment;
import dev.incept.data.Images;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import dev.incept.spec.Layers;
import dev.incept.spec.Network;
import dev.incept.metrics.EpochMetrics;
import dev.incept.optim.LearningRate;
import dev.incept.optim.OptimizerSpec;
import dev.incept.train.TrainConfig;
import dev.incept.train.Trainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunTest {
    private static final Network NET = Network.builder("tiny").input(1, 16, 16)
            .add(Layers.conv(8, 3).stride(2), Layers.globalAvgPool(), Layers.dense(4))
            .build();

    private static RunSpec spec(int epochs) {
        TrainConfig cfg = TrainConfig.paper().toBuilder().epochs(epochs).batchSize(32).emaDecay(0.99)
                .optimizer(OptimizerSpec.sgd(0.9, 1e-4)).learningRate(LearningRate.exponential(0.05, 0.9, 1).withWarmup(0.5))
                .augment(new Augment(2, true, 0.25)).auxWeight(0.3).seed(11).trainLimit(200).testLimit(64).build();
        return new RunSpec(NET, "tiny.json", cfg, new DataSpec("fashion-mnist:/data/fm", 16), EngineChoice.MXNET, "cpu");
    }

    @Test
    void aRunFolderSaysWhatWasTrainedHowAndOnWhatAndReopensToTheSame(@TempDir Path dir) {
        RunSpec spec = spec(2);
        Run.create(dir.resolve("a"), spec);
        assertEquals(spec, Run.open(dir.resolve("a")).spec(), "every field survives run.json");
        RunSpec defaults = new RunSpec(NET, "inception-mini", TrainConfig.defaults(), new DataSpec("fashion-mnist", null), EngineChoice.PYTORCH, "gpu");
        Run.create(dir.resolve("b"), defaults);
        assertEquals(defaults, Run.open(dir.resolve("b")).spec(), "no aux weight, no input size, another engine");
        assertEquals(List.of("a", "b"), Run.list(dir).stream().map(r -> r.dir().getFileName().toString()).toList());
    }

    @Test
    void aRunsHistoryIsItsCheckpointsEpochByEpoch(@TempDir Path dir) {
        Run run = Run.create(dir, spec(2));
        assertTrue(run.history().isEmpty(), "nothing before the first checkpoint");
        Images train = dev.incept.train.SyntheticImages.bars(200, 4, 16, 1);
        Images test = dev.incept.train.SyntheticImages.bars(64, 4, 16, 2);
        List<EpochMetrics> trained;
        try (Trainer t = new Trainer(NET, spec(2).config(), Engines.load(EngineChoice.MXNET))) {
            trained = t.fit(train, test, Checkpoint.keeper(run.checkpoint()));
        }
        List<EpochMetrics> reopened = Run.open(dir).history();
        assertEquals(2, reopened.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(trained.get(i).trainLoss(), reopened.get(i).trainLoss(), 1e-9);
            assertEquals(trained.get(i).test().top1(), reopened.get(i).test().top1(), 1e-9);
        }
    }

    @Test
    void aDamagedOrMissingRunJsonIsOneClearError(@TempDir Path dir) throws IOException {
        RunException none = assertThrows(RunException.class, () -> Run.open(dir));
        assertTrue(none.getMessage().contains("no run.json in"), none.getMessage());
        Run.create(dir, spec(1));
        Path file = dir.resolve(RunSpec.FILE_NAME);
        Files.writeString(file, Files.readString(file).replace("\"epochs\" : 1", "\"epochs\" : -1"));
        RunException bad = assertThrows(RunException.class, () -> Run.open(dir));
        assertTrue(bad.getMessage().contains("is damaged") && bad.getMessage().contains("epochs"), bad.getMessage());
    }
}
