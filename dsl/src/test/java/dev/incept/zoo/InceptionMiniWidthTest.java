package dev.incept.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incept.analysis.Analysis;
import dev.incept.analysis.Analyzer;
import dev.incept.analysis.BlockReport;
import org.junit.jupiter.api.Test;

class InceptionMiniWidthTest {

    @Test
    void twiceAsWideKeepsEveryLayerAndRoughlyQuadruplesTheCost() {
        ModelConfig fashion = new ModelConfig(10, 1, 28, false, true);
        Analysis one = Analyzer.analyze(Zoo.get("inception-mini").build(fashion));
        Analysis two = Analyzer.analyze(Zoo.get("inception-mini-2x").build(fashion));
        assertEquals(848_298L, one.params());
        assertEquals(one.blocks().stream().map(BlockReport::path).toList(), two.blocks().stream().map(BlockReport::path).toList());
        assertEquals(one.output(), two.output());
        // Stem's first convolution sees one input channel, so it only doubles; everything else quadruples.
        double ratio = (double) two.macs() / one.macs();
        assertTrue(ratio > 3.8 && ratio < 4.0, "multiply-adds ratio " + ratio);
        assertEquals(2 * one.block("mixed4").get().output().channels(), two.block("mixed4").get().output().channels());
    }
}
