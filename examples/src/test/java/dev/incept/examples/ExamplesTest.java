package dev.incept.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.incept.analysis.Analyzer;
import dev.incept.data.FashionMnist;
import dev.incept.spec.FeatureShape;
import dev.incept.metrics.Evaluation;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class ExamplesTest {
    @Test
    void theJavaAndKotlinExamplesDescribeTheSameValidNetwork() {
        assertEquals(CustomInception.network(), FashionInceptionKt.fashionInception());
        assertEquals(FeatureShape.vector(10), Analyzer.analyze(CustomInception.network()).output());
    }

    @Test
    void theSeedsKerasStudentGoogLeNetCountsAsKerasWouldAndItsDiffNamesWhatTheStudentChanged() {
        dev.incept.analysis.Analysis a = Analyzer.analyze(KerasStudentGoogLeNetKt.kerasStudentGoogLeNet(),
                dev.incept.analysis.Convention.KERAS, true);
        // Counted by hand from the slides: the paper's convolutions (5,973,552), two batch norms
        // (4 x 64 and 4 x 192, half of them non-trainable), Dense 1024->256->1000 (262,400 + 257,000),
        // and each aux head's 1x1 128 (65,664 on 4a, 67,712 on 4d), Dense 2048->256 (524,544) and
        // Dense 256->1000 (257,000).
        long main = 5_973_552L + 256 + 768 + 262_400 + 257_000;
        long aux = (65_664 + 524_544 + 257_000) + (67_712 + 524_544 + 257_000);
        assertEquals(main + aux, a.params());
        assertEquals(512, a.nonTrainableParams());
        String diff = KerasStudentGoogLeNetKt.kerasStudentDiff();
        org.junit.jupiter.api.Assertions.assertTrue(diff.contains("first difference: stem/batchnorm: a batch norm over 64 channels")
                && diff.contains("(local response norm over 5 channels)"), diff);
    }

    @Test
    void theJavaAndKotlinTrainingExamplesLearnFashionMnistInQuickMode() {
        assumeTrue(Files.isDirectory(FashionMnist.defaultDir()),
                "Fashion-MNIST is not installed at " + FashionMnist.defaultDir() + " (scripts/setup/data installs it)");
        Evaluation java = TrainCustomInception.run(true);
        Evaluation kotlin = TrainFashionKt.trainFashionInception(true);
        // One epoch on 3,000 images: far above the 10% of guessing, far below a full run.
        org.junit.jupiter.api.Assertions.assertTrue(java.top1() > 0.5, "Java example accuracy " + java.top1());
        org.junit.jupiter.api.Assertions.assertTrue(kotlin.top1() > 0.5, "Kotlin example accuracy " + kotlin.top1());
        assertEquals(500, java.count());
    }
}
