package dev.incept.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import dev.incept.spec.Network;
import dev.incept.train.TrainConfig;
import dev.incept.train.Trainer;
import dev.incept.zoo.ModelConfig;
import dev.incept.zoo.Zoo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trainer's weights by incept's own names: written for any network, read back into another trainer of the same description. */
class OwnWeightsTest {
    @TempDir
    Path dir;

    private static Network mini(boolean aux) {
        return Zoo.get("inception-mini").build(new ModelConfig(10, 1, 28, aux, true));
    }

    private static List<float[]> values(Trainer t) {
        List<float[]> out = new ArrayList<>();
        t.block().getParameters().forEach(p -> out.add(p.getValue().getArray().toFloatArray()));
        return out;
    }

    @Test
    void weightsWrittenByOneTrainerLoadIntoAnotherOfTheSameDescriptionTensorForTensor() throws IOException {
        TrainConfig config = TrainConfig.defaults().withBatchSize(4);
        Path file = dir.resolve("w.safetensors");
        List<float[]> written;
        try (Trainer a = new Trainer(mini(true), config.withSeed(1), Engines.load(EngineChoice.MXNET))) {
            Files.write(file, a.weights());
            written = values(a);
        }
        try (Trainer b = new Trainer(mini(true), config.withSeed(2), Engines.load(EngineChoice.MXNET))) {
            assertFalse(java.util.Arrays.equals(written.get(0), values(b).get(0)), "two seeds start apart");
            Weights.LoadReport loaded = b.startFrom(file);
            assertEquals(written.size(), loaded.tensors());
            List<float[]> read = values(b);
            for (int i = 0; i < written.size(); i++) {
                assertArrayEquals(written.get(i), read.get(i), "parameter " + i);
            }
        }
        assertTrue(SafeTensors.read(file).keySet().stream().anyMatch(k -> k.startsWith("aux:")), "an aux head's tensors are named inside the head");
    }

    @Test
    void anotherDescriptionsWeightsAreRefusedInOneLineNamingWhatDiffers() throws IOException {
        Path file = dir.resolve("w.safetensors");
        TrainConfig config = TrainConfig.defaults().withBatchSize(4);
        try (Trainer a = new Trainer(mini(true), config, Engines.load(EngineChoice.MXNET))) {
            Files.write(file, a.weights());
        }
        Network other = Zoo.get("inception-mini").build(new ModelConfig(7, 1, 28, true, true));
        try (Trainer b = new Trainer(other, config, Engines.load(EngineChoice.MXNET))) {
            List<float[]> before = values(b);
            WeightsException e = assertThrows(WeightsException.class, () -> b.startFrom(file));
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            assertTrue(e.getMessage().contains("nothing was loaded") || e.getMessage().contains("own names"), e.getMessage());
            List<float[]> after = values(b);
            for (int i = 0; i < before.size(); i++) {
                assertArrayEquals(before.get(i), after.get(i), "parameter " + i + " was changed by a refused load");
            }
        }
    }

    @Test
    void aFileOfOtherNamesIntoANetworkWithoutPublishedNamesSaysWhoseNamesItLacks() throws IOException {
        Path file = dir.resolve("torchvision.safetensors");
        Files.write(file, SafeTensors.bytes(List.of(new StoredTensor("fc.weight", new long[] {10, 4}, new float[40]))));
        try (Trainer t = new Trainer(mini(false), TrainConfig.defaults().withBatchSize(4), Engines.load(EngineChoice.MXNET))) {
            WeightsException e = assertThrows(WeightsException.class, () -> t.startFrom(file));
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            assertTrue(e.getMessage().contains("no tensor is named as incept names inception-mini's"), e.getMessage());
        }
    }
}
