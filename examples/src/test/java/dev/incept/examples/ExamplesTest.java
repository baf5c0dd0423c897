package dev.incept.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.incept.analysis.Analyzer;
import dev.incept.data.FashionMnist;
import dev.incept.spec.FeatureShape;
import dev.incept.train.Evaluation;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class ExamplesTest {
    @Test
    void theJavaAndKotlinExamplesDescribeTheSameValidNetwork() {
        assertEquals(CustomInception.network(), FashionInceptionKt.fashionInception());
        assertEquals(FeatureShape.vector(10), Analyzer.analyze(CustomInception.network()).output());
    }

    @Test
    void theJavaAndKotlinTrainingExamplesLearnFashionMnistInQuickMode() {
        assumeTrue(Files.isDirectory(FashionMnist.defaultDir()),
                "Fashion-MNIST is not installed at " + FashionMnist.defaultDir() + " (scripts/setup-data installs it)");
        Evaluation java = TrainCustomInception.run(true);
        Evaluation kotlin = TrainFashionKt.trainFashionInception(true);
        // One epoch on 3,000 images: far above the 10% of guessing, far below a full run.
        org.junit.jupiter.api.Assertions.assertTrue(java.top1() > 0.5, "Java example accuracy " + java.top1());
        org.junit.jupiter.api.Assertions.assertTrue(kotlin.top1() > 0.5, "Kotlin example accuracy " + kotlin.top1());
        assertEquals(500, java.count());
    }
}
