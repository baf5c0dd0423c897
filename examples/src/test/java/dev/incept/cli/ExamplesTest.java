package dev.incept.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.incept.analysis.Analyzer;
import dev.incept.examples.CustomInception;
import dev.incept.examples.FashionInceptionKt;
import dev.incept.spec.Shape;

import dev.incept.examples.TrainCustomInception;
import dev.incept.examples.TrainFashionKt;
import dev.incept.train.Evaluation;
import org.junit.jupiter.api.Test;

class ExamplesTest {
    @Test
    void theJavaAndKotlinExamplesDescribeTheSameValidNetwork() {
        assertEquals(CustomInception.network(), FashionInceptionKt.fashionInception());
        assertEquals(Shape.vector(10), Analyzer.analyze(CustomInception.network()).output());
    }

    @Test
    void theJavaAndKotlinTrainingExamplesLearnFashionMnistInQuickMode() {
        RealData.assumeFashionMnist();
        Evaluation java = TrainCustomInception.run(true);
        Evaluation kotlin = TrainFashionKt.trainFashionInception(true);
        // One epoch on 3,000 images: far above the 10% of guessing, far below a full run.
        org.junit.jupiter.api.Assertions.assertTrue(java.top1() > 0.5, "Java example accuracy " + java.top1());
        org.junit.jupiter.api.Assertions.assertTrue(kotlin.top1() > 0.5, "Kotlin example accuracy " + kotlin.top1());
        assertEquals(500, java.count());
    }
}
