package dev.incept.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incept.data.Images;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import dev.incept.spec.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.incept.metrics.EpochMetrics;
import dev.incept.metrics.MetricsFile;
import dev.incept.metrics.MetricsJson;
import dev.incept.optim.LearningRate;
import dev.incept.optim.OptimizerSpec;
import dev.incept.train.SyntheticImages;
import dev.incept.train.TinyNetwork;
import dev.incept.train.TrainConfig;
import dev.incept.train.Trainer;
import dev.incept.train.TrainingDiverged;

class CheckpointAndResumeTest {
    private static final Images TRAIN = SyntheticImages.bars(256, 4, 16, 1);
    private static final Images TEST = SyntheticImages.bars(64, 4, 16, 2);

    private static TrainConfig config(int epochs) {
        return TrainConfig.paper().withEpochs(epochs).withBatchSize(32).withEmaDecay(0.99).withOptimizer(OptimizerSpec.paperRmsProp());
    }

    private static List<EpochMetrics> train(Network net, TrainConfig cfg, Path ckpt, boolean resume) {
        try (Trainer t = new Trainer(net, cfg, Engines.load(EngineChoice.MXNET))) {
            if (resume && Files.exists(ckpt)) {
                Checkpoint.restore(t, ckpt);
            }
            return t.fit(TRAIN, TEST, Checkpoint.keeper(ckpt));
        }
    }

    @Test
    void resumingAfterAnInterruptionEndsWhereAnUninterruptedRunEnds(@TempDir Path dir) {
        List<EpochMetrics> straight = train(TinyNetwork.build(), config(3), dir.resolve("a.ckpt"), false);

        Path ckpt = dir.resolve("b.ckpt");
        train(TinyNetwork.build(), config(2), ckpt, false);
        List<EpochMetrics> resumed = train(TinyNetwork.build(), config(3), ckpt, true);

        assertEquals(3, resumed.size(), "the resumed history holds the epochs before the interruption");
        for (int i = 0; i < 3; i++) {
            assertEquals(straight.get(i).trainLoss(), resumed.get(i).trainLoss(), 1e-3, "train loss, epoch " + (i + 1));
            assertEquals(straight.get(i).test().top1(), resumed.get(i).test().top1(), 0.02, "test accuracy, epoch " + (i + 1));
        }
        assertEquals(3, Checkpoint.read(ckpt).epoch());
    }

    @Test
    void aCorruptCheckpointIsRejectedAndLeftAsItWas(@TempDir Path dir) throws IOException {
        Path ckpt = dir.resolve("c.ckpt");
        train(TinyNetwork.build(), config(1), ckpt, false);
        byte[] bytes = Files.readAllBytes(ckpt);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(ckpt, bytes);
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> train(TinyNetwork.build(), config(2), ckpt, true));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
        assertArrayEquals(bytes, Files.readAllBytes(ckpt));

        Files.write(ckpt, java.util.Arrays.copyOf(bytes, 100));
        assertThrows(CheckpointException.class, () -> train(TinyNetwork.build(), config(2), ckpt, true));
        Files.writeString(ckpt, "not a checkpoint");
        CheckpointException notOne = assertThrows(CheckpointException.class, () -> Checkpoint.read(ckpt));
        assertTrue(notOne.getMessage().contains("not an incept checkpoint"), notOne.getMessage());
    }

    @Test
    void aCheckpointOfAnotherNetworkIsRejected(@TempDir Path dir) throws IOException {
        Path ckpt = dir.resolve("d.ckpt");
        train(TinyNetwork.build(), config(1), ckpt, false);
        byte[] before = Files.readAllBytes(ckpt);
        Network other = Network.builder("other").input(1, 16, 16)
                .add(dev.incept.spec.Layers.conv(4, 3), dev.incept.spec.Layers.globalAvgPool(), dev.incept.spec.Layers.dense(4))
                .build();
        CheckpointException e = assertThrows(CheckpointException.class, () -> train(other, config(2), ckpt, true));
        assertTrue(e.getMessage().contains("'tiny'") && e.getMessage().contains("'other'"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(ckpt));
        // the same network with another optimizer setting: compared by the settings, not by a description string
        TrainConfig slower = config(2).withOptimizer(OptimizerSpec.paperRmsProp().withMomentum(0.5));
        CheckpointException opt = assertThrows(CheckpointException.class, () -> train(TinyNetwork.build(), slower, ckpt, true));
        assertTrue(opt.getMessage().contains("was written with"), opt.getMessage());
        assertArrayEquals(before, Files.readAllBytes(ckpt));
    }

    /** The header a format-1 checkpoint of {@code loaded}'s run had: the whole description, no fingerprint. */
    private static com.fasterxml.jackson.databind.node.ObjectNode format1Header(Checkpoint.Contents loaded, Network network) {
        var h = loaded.header().toJson(new com.fasterxml.jackson.databind.ObjectMapper());
        h.remove("networkName");
        h.remove("networkFingerprint");
        h.put("network", dev.incept.json.SpecJson.write(network));
        return h;
    }

    private static void rewrite(Path ckpt, int format, com.fasterxml.jackson.databind.node.ObjectNode header) {
        try (ai.djl.ndarray.NDManager m = Engines.load(EngineChoice.MXNET).newBaseManager()) {
            ai.djl.nn.Block block = dev.incept.compile.Compiler.compile(TinyNetwork.build());
            block.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, 1, 16, 16));
            Checkpoint.read(ckpt).loadParameters(m, block, ckpt);
            Checkpoint.writeRaw(ckpt, format, header, block, java.util.Map.of(), java.util.Map.of(), dev.incept.storage.DurableFile::openForWriting);
        }
    }

    @Test
    void aCheckpointOfTheFormatBeforeIsReadThroughItsMigrationAndFitsTheSameNetwork(@TempDir Path dir) {
        Path ckpt = dir.resolve("e.ckpt");
        train(TinyNetwork.build(), config(1), ckpt, false);
        Checkpoint.Contents current = Checkpoint.read(ckpt);
        rewrite(ckpt, 1, format1Header(current, TinyNetwork.build()));
        Checkpoint.Contents migrated = Checkpoint.read(ckpt);
        assertEquals(current.header().networkFingerprint(), migrated.header().networkFingerprint());
        // as JSON: the figures' reliability bins are arrays, which records compare by identity
        assertEquals(current.header().history().stream().map(MetricsJson::write).toList(),
                migrated.header().history().stream().map(MetricsJson::write).toList());
        migrated.checkFits(ckpt, TinyNetwork.build(), config(2).optimizer(), "rmsprop", 2);
    }

    @Test
    void aCheckpointThatDoesNotRecordItsOptimizersSettingsIsRefusedInOneLine(@TempDir Path dir) throws IOException {
        Path ckpt = dir.resolve("e.ckpt");
        train(TinyNetwork.build(), config(1), ckpt, false);
        var header = format1Header(Checkpoint.read(ckpt), TinyNetwork.build());
        header.remove("optimizerSpec");
        rewrite(ckpt, 1, header);
        byte[] before = Files.readAllBytes(ckpt);
        CheckpointException e = assertThrows(CheckpointException.class, () -> train(TinyNetwork.build(), config(2), ckpt, true));
        assertTrue(e.getMessage().contains("does not record its optimizer's settings") && !e.getMessage().contains("\n"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(ckpt));
    }

    @Test
    void aDivergedRunStopsBeforeItsCheckpointOrMetricsMoveOn(@TempDir Path dir) throws IOException {
        Path ckpt = dir.resolve("f.ckpt");
        Path metrics = dir.resolve("metrics.csv");
        TrainConfig sane = config(1).withOptimizer(OptimizerSpec.sgd(0.9, 0)).withClipNorm(0).withLearningRate(LearningRate.constant(0.01));
        try (Trainer t = new Trainer(TinyNetwork.build(), sane, Engines.load(EngineChoice.MXNET))) {
            t.listen(new MetricsFile(metrics)).fit(TRAIN, TEST, Checkpoint.keeper(ckpt));
        }
        byte[] good = Files.readAllBytes(ckpt);
        byte[] goodMetrics = Files.readAllBytes(metrics);
        // the case: a resumed run given --lr 1e6
        TrainConfig wild = sane.withEpochs(3).withLearningRate(LearningRate.constant(1e6));
        try (Trainer t = new Trainer(TinyNetwork.build(), wild, Engines.load(EngineChoice.MXNET))) {
            t.listen(new MetricsFile(metrics));
            Checkpoint.restore(t, ckpt);
            TrainingDiverged e = assertThrows(TrainingDiverged.class, () -> t.fit(TRAIN, TEST, Checkpoint.keeper(ckpt)));
            assertTrue(e.getMessage().startsWith("training diverged: ") && e.getMessage().contains("epoch 2"), e.getMessage());
        }
        assertArrayEquals(good, Files.readAllBytes(ckpt));
        assertArrayEquals(goodMetrics, Files.readAllBytes(metrics), "the metrics describe the checkpoint's epochs only");
    }

    @Test
    void aCheckpointThatCannotBeWrittenCompletelyLeavesTheLastGoodOne(@TempDir Path dir) throws IOException {
        Path ckpt = dir.resolve("g.ckpt");
        train(TinyNetwork.build(), config(1), ckpt, false);
        byte[] good = Files.readAllBytes(ckpt);
        Checkpoint.Contents loaded = Checkpoint.read(ckpt);
        try (ai.djl.ndarray.NDManager m = Engines.load(EngineChoice.MXNET).newBaseManager()) {
            ai.djl.nn.Block block = dev.incept.compile.Compiler.compile(TinyNetwork.build());
            block.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, 1, 16, 16));
            loaded.loadParameters(m, block, ckpt);
            dev.incept.storage.StorageException e = assertThrows(dev.incept.storage.StorageException.class,
                    () -> Checkpoint.write(ckpt, loaded.header().atEpoch(2), block, java.util.Map.of(), java.util.Map.of(),
                            dev.incept.storage.FullDisk.withRoomFor(1000, false)));
            assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        }
        assertArrayEquals(good, Files.readAllBytes(ckpt));
        assertEquals(1, Checkpoint.read(ckpt).epoch());
    }

    @Test
    void aNanLossStopsTrainingAndKeepsTheLastGoodCheckpoint(@TempDir Path dir) throws IOException {
        Path ckpt = dir.resolve("e.ckpt");
        TrainConfig sane = config(1).withOptimizer(OptimizerSpec.sgd(0.9, 0)).withClipNorm(0).withLearningRate(LearningRate.constant(0.01));
        train(TinyNetwork.build(), sane, ckpt, false);
        byte[] good = Files.readAllBytes(ckpt);
        TrainConfig exploding = sane.withEpochs(2).withLearningRate(LearningRate.constant(1e8));
        TrainingDiverged e = assertThrows(TrainingDiverged.class, () -> train(TinyNetwork.build(), exploding, ckpt, true));
        assertTrue(e.getMessage().contains("epoch 2") && e.getMessage().contains("was left as it was"), e.getMessage());
        assertArrayEquals(good, Files.readAllBytes(ckpt));
        assertEquals(1, Checkpoint.read(ckpt).epoch());
    }
}
