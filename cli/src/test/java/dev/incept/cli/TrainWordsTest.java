package dev.incept.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.incept.data.Augment;
import dev.incept.run.SettingException;
import dev.incept.run.TrainOption;
import dev.incept.run.TrainSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line spells the settings' table with flags; the runtime answers in the settings' own words. */
class TrainWordsTest {
    @Test
    void theCommandLinesWordsAreTheSettingsASweepWritesByName() {
        TrainSettings parsed = TrainWords.parse(List.of("inception-mini", "--recipe", "paper", "--label-smoothing=0.1", "--epochs", "3", "--aux"));
        assertEquals(TrainSettings.of(Map.of("model", "inception-mini", "recipe", "paper", "label-smoothing", "0.1", "epochs", "3",
                "aux", "true")), parsed);
    }

    @Test
    void aRefusedValueIsWordedByTheRuntimeAndSpelledAsAFlagByTheCommandLine() {
        SettingException e = assertThrows(SettingException.class,
                () -> TrainSettings.of(Map.of("label-smoothing", "1.5")).configOnly(Augment.NONE));
        assertEquals("label smoothing must be in [0, 1), got 1.5", e.getMessage());
        assertEquals(TrainOption.LABEL_SMOOTHING, e.option());
        assertEquals("--label-smoothing must be in [0, 1), got 1.5", TrainWords.line(e));
        SettingException epochs = assertThrows(SettingException.class, () -> TrainWords.parse(List.of("--epochs", "x")).configOnly(Augment.NONE));
        assertEquals("epochs needs a positive integer, got 'x'", epochs.getMessage());
        assertEquals("--epochs needs a positive integer, got 'x'", TrainWords.line(epochs));
        SettingException device = assertThrows(SettingException.class, () -> TrainSettings.of(Map.of("device", "tpu")).device());
        assertEquals("device must be cpu or gpu, got 'tpu'", device.getMessage());
    }

    @Test
    void everyConfiguringSettingChangesTheRecipeItIsGiven() {
        // each value differs from the short recipe's own, so a setting that went nowhere would show
        Map<String, String> named = Map.ofEntries(Map.entry("epochs", "7"), Map.entry("batch", "48"), Map.entry("optimizer", "adam"),
                Map.entry("lr", "0.01"), Map.entry("lr-decay", "0.5"), Map.entry("lr-every", "3"), Map.entry("warmup", "1"),
                Map.entry("weight-decay", "0.001"), Map.entry("label-smoothing", "0.2"), Map.entry("aux-weight", "0.5"),
                Map.entry("clip-norm", "1.5"), Map.entry("ema", "0.5"), Map.entry("random-erase", "0.25"), Map.entry("freeze-until", "stem"),
                Map.entry("precision", "fp16"), Map.entry("train-limit", "100"), Map.entry("test-limit", "50"), Map.entry("seed", "7"));
        var c = TrainSettings.of(named).configOnly(new Augment(2, true, 0));
        assertEquals(7, c.epochs());
        assertEquals(48, c.batchSize());
        assertEquals(dev.incept.optim.OptimizerKind.ADAM, c.optimizer().kind());
        assertEquals(new dev.incept.optim.LearningRate(0.01, 0.5, 3, 1), c.learningRate());
        assertEquals(0.001, c.optimizer().weightDecay());
        assertEquals(0.2, c.labelSmoothing());
        assertEquals(0.5, c.auxWeight());
        assertEquals(1.5, c.clipNorm());
        assertEquals(0.5, c.emaDecay());
        assertEquals(new Augment(2, true, 0.25), c.augment());
        assertEquals("stem", c.freezeUntil());
        assertEquals(dev.incept.precision.Precision.FP16, c.precision());
        assertEquals(100, c.trainLimit());
        assertEquals(50, c.testLimit());
        assertEquals(7, c.seed());
        assertEquals(Augment.NONE.withErase(0.25), TrainSettings.of(Map.of("no-augment", "true", "random-erase", "0.25"))
                .configOnly(new Augment(2, true, 0)).augment());
    }
}
