package dev.incept.train;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import dev.incept.metrics.EpochMetrics;
import dev.incept.metrics.Evaluation;

class DivergenceTest {
    private static EpochMetrics epoch(double trainLoss, double testLoss) {
        Evaluation test = new Evaluation(100, testLoss, 0.5, 0.9, 0.1, new long[0], new double[0], new double[0]);
        return new EpochMetrics(3, 0.045, trainLoss, 0.5, test, 100, 1);
    }

    @Test
    void aLossFarAboveGuessingUniformlyIsDivergenceEvenWhenFinite() {
        Divergence d = new Divergence(10, List.of());
        // ln 10 = 2.303: a fresh network's loss is near it; the issue's --lr 1e6 run reached 4e11
        assertDoesNotThrow(() -> d.checkEpoch(epoch(2.6, 2.4), null));
        assertDoesNotThrow(() -> d.checkEpoch(epoch(6.9, 40), null), "a test loss may be high on its own");
        TrainingDiverged e = assertThrows(TrainingDiverged.class, () -> d.checkEpoch(epoch(4e11, 3), null));
        assertTrue(e.getMessage().contains("epoch 3's training loss 4.000e+11") && e.getMessage().contains("smaller learning rate"),
                e.getMessage());
    }

    @Test
    void auxHeadsRaiseTheBarByTheirWeights() {
        Divergence d = new Divergence(10, List.of(0.3, 0.4));
        assertDoesNotThrow(() -> d.checkEpoch(epoch(3 * 1.7 * Math.log(10) - 0.01, 2), null));
        assertThrows(TrainingDiverged.class, () -> d.checkEpoch(epoch(3 * 1.7 * Math.log(10) + 0.01, 2), null));
    }

    @Test
    void aTestLossOrAStepLossThatIsNotFiniteIsDivergence() {
        Divergence d = new Divergence(4, List.of());
        TrainingDiverged test = assertThrows(TrainingDiverged.class, () -> d.checkEpoch(epoch(1.0, Double.NaN), null));
        assertTrue(test.getMessage().contains("the test loss became NaN at epoch 3"), test.getMessage());
        TrainingDiverged step = assertThrows(TrainingDiverged.class, () -> d.checkStep(Float.POSITIVE_INFINITY, 2, 7, 0.1, null));
        assertTrue(step.getMessage().contains("the training loss became Infinity at epoch 2, step 7"), step.getMessage());
    }
}
