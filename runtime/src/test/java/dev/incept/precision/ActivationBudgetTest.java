package dev.incept.precision;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incept.zoo.ModelConfig;
import dev.incept.zoo.Zoo;
import dev.incept.spec.Network;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import dev.incept.precision.ActivationBudget;

class ActivationBudgetTest {
    private static Network v3() {
        return Zoo.find("inception-v3").orElseThrow().build(new ModelConfig(1000, 3, 299, false, true));
    }

    @Test
    void aBatchWhoseLayerOutputOverflowsOneTensorIsRefusedAtThatLayer() {
        // Inception-v3's stem keeps 147x147x64 = 1.38 M values per image: 1,600 images pass 2^31
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ActivationBudget.check(v3(), 2_000, OptionalLong.empty()));
        assertTrue(e.getMessage().startsWith("stem/") && e.getMessage().contains("more than one tensor holds (2147483647)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("smaller batch or input size"), e.getMessage());
    }

    @Test
    void activationsBeyondTheMachinesMemoryAreRefusedBeforeAnyAllocation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ActivationBudget.check(v3(), 256, OptionalLong.of(16L << 30)));
        assertTrue(e.getMessage().contains("'inception-v3' at a batch of 256 needs at least")
                && e.getMessage().contains("this machine has 17.2 GB"), e.getMessage());
        assertDoesNotThrow(() -> ActivationBudget.check(v3(), 8, OptionalLong.of(16L << 30)), "the bench's batch of 8 fits");
    }

    @Test
    void anInputBatchTooLargeForOneTensorIsRefusedBeforeAnyLayer() {
        Network wide = dev.incept.spec.Network.builder("wide").input(3, 4096, 4096)
                .add(dev.incept.spec.Layers.globalAvgPool(), dev.incept.spec.Layers.dense(10)).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ActivationBudget.check(wide, 64, OptionalLong.empty()));
        assertTrue(e.getMessage().startsWith("the input batch, 64 x 4096x4096x3, is 3221225472 values"), e.getMessage());
    }
}
