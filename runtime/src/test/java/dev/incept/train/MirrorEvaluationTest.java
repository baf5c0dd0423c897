package dev.incept.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.incept.data.Images;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import dev.incept.metrics.EvalOptions;
import dev.incept.metrics.Evaluation;
import dev.incept.metrics.Scorer;

class MirrorEvaluationTest {

    @Test
    void meanLogProbabilitiesAreTheLogOfTheAveragedSoftmax() {
        float ln3 = (float) Math.log(3);
        // softmax [0.25, 0.75] and [0.75, 0.25] average to [0.5, 0.5]; [0.5, 0.5] with itself stays.
        float[] mean = Scorer.meanLogProbabilities(new float[] {0, ln3, 5, 5}, new float[] {ln3, 0, 1, 1}, 2);
        float half = (float) Math.log(0.5);
        assertArrayEquals(new float[] {half, half, half, half}, mean, 1e-6f);
    }

    @ParameterizedTest
    @EnumSource(EngineChoice.class)
    void mirrorEvaluationGivesTheSameFiguresForASetAndItsMirrorImage(EngineChoice engine) {
        Images train = SyntheticImages.bars(64, 4, 16, 1);
        Images test = SyntheticImages.bars(96, 4, 16, 2);
        Images mirrored = mirror(test);
        TrainConfig cfg = TrainConfig.paper().withBatchSize(32);
        try (Trainer t = new Trainer(TinyNetwork.build(), cfg, Engines.load(engine))) {
            // The untrained network is not mirror-symmetric, so the single view sees two different sets...
            assertNotEquals(t.evaluate(train, test, EvalOptions.SINGLE_VIEW).loss(), t.evaluate(train, mirrored, EvalOptions.SINGLE_VIEW).loss(), 1e-5);
            // ...while the two views together are the same pair of images either way round.
            Evaluation a = t.evaluate(train, test, EvalOptions.MIRRORED);
            Evaluation b = t.evaluate(train, mirrored, EvalOptions.MIRRORED);
            assertEquals(a.loss(), b.loss(), 1e-5);
            assertEquals(a.top1(), b.top1());
            assertEquals(a.ece(), b.ece(), 1e-5);
        }
    }

    private static Images mirror(Images s) {
        byte[] px = new byte[s.pixels().length];
        for (int i = 0; i < s.count(); i++) {
            for (int c = 0; c < s.channels(); c++) {
                for (int y = 0; y < s.height(); y++) {
                    for (int x = 0; x < s.width(); x++) {
                        px[i * s.imageBytes() + (c * s.height() + y) * s.width() + x] = (byte) s.pixel(i, c, y, s.width() - 1 - x);
                    }
                }
            }
        }
        return new Images(s.count(), s.channels(), s.height(), s.width(), px, s.labels(), s.classes());
    }
}
