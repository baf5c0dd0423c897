package dev.incept.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.incept.analysis.Analyzer;
import dev.incept.examples.CustomInception;
import dev.incept.examples.CustomInceptionKtKt;
import dev.incept.spec.Shape;

import org.junit.jupiter.api.Test;

class ExamplesTest {
    @Test
    void theJavaAndKotlinExamplesDescribeTheSameValidNetwork() {
        assertEquals(CustomInception.network(), CustomInceptionKtKt.fashionInception());
        assertEquals(Shape.vector(10), Analyzer.analyze(CustomInception.network()).output());
    }
}
