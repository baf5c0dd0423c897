package dev.incept.diff;

import static dev.incept.spec.Layers.concat;
import static dev.incept.spec.Layers.conv;
import static dev.incept.spec.Layers.dense;
import static dev.incept.spec.Layers.globalAvgPool;
import static dev.incept.spec.Layers.maxPool;
import static dev.incept.spec.Layers.seq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incept.analysis.Analysis;
import dev.incept.analysis.Analyzer;
import dev.incept.analysis.Convention;
import dev.incept.spec.Layer;
import dev.incept.spec.Network;
import dev.incept.zoo.GoogLeNet;
import dev.incept.zoo.Zoo;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchitectureDiffTest {

    private static Analysis analyze(Layer block) {
        return Analyzer.analyze(Network.builder("n").input(192, 28, 28).add(block).add(globalAvgPool(), dense(10)).build(),
                Convention.PYTORCH, true);
    }

    private static final Layer REFERENCE = GoogLeNet.inception("3a", 64, 96, 128, 16, 32, 32, 5);

    @Test
    void aMissingBottleneckIsNamedWithItsCostAndTheReferences() {
        Layer student = concat("3a",
                conv(64, 1),
                seq(conv(96, 1), conv(128, 3)),
                conv(32, 5),
                seq(maxPool(3, 1).pad(1, 1).ceilMode(true), conv(32, 1)));
        ArchitectureDiff d = ArchitectureDiff.of(analyze(student), analyze(REFERENCE));
        assertEquals("3a/branch2: a 5x5 conv 192->32 without the 1x1 bottleneck: 153,664 parameters and 120.4 M multiply-adds"
                + " at 28x28, where the reference has 15,968 and 12.4 M (1x1 192->16, then 5x5 16->32)", d.origin().orElseThrow().explanation());
        assertEquals(List.of("3a", "3a/branch2"), d.differences().stream().map(BlockDelta::path).toList());
        BlockDelta branch = d.differences().get(1);
        assertEquals(Change.DIFFERS, branch.change());
        assertEquals(153_664 - 15_968, branch.deltaParams());
    }

    @Test
    void namesDoNotCountOnlyWhatTheLayersAre() {
        Layer renamed = concat("3a",
                conv(64, 1).named("one"),
                seq(conv(96, 1), conv(128, 3)),
                seq(conv(16, 1), conv(32, 5)),
                seq(maxPool(3, 1).same(), conv(32, 1)));
        // Also: "same" padding is the explicit pad of 1 with ceil mode here, by every count.
        assertTrue(ArchitectureDiff.of(analyze(renamed), analyze(REFERENCE)).same());
        ArchitectureDiff same = ArchitectureDiff.of(analyze(REFERENCE), analyze(GoogLeNet.inception("3a", 64, 96, 128, 16, 32, 32, 5)));
        assertTrue(same.same());
        assertTrue(same.origin().isEmpty());
    }

    @Test
    void aWrongWidthIsExplainedWithBothOutputs() {
        Layer student = GoogLeNet.inception("3a", 64, 96, 128, 16, 48, 32, 5);
        Origin o = ArchitectureDiff.of(analyze(student), analyze(REFERENCE)).origin().orElseThrow();
        assertEquals("3a/branch2/conv5x5", o.path());
        assertTrue(o.explanation().startsWith("3a/branch2/conv5x5: a 5x5 conv 16->48: 19,296 parameters"), o.explanation());
        assertTrue(o.explanation().endsWith("(5x5 conv 16->32); output 28x28x48 where the reference has 28x28x32"), o.explanation());
    }

    @Test
    void twoZooModelsDifferWhereThePapersSayTheyDo() {
        Zoo.Model a = Zoo.get("googlenet");
        Zoo.Model b = Zoo.get("googlenet-3x3");
        ArchitectureDiff d = ArchitectureDiff.of(Analyzer.analyze(a.build(a.defaults()), Convention.PYTORCH, true),
                Analyzer.analyze(b.build(b.defaults()), Convention.PYTORCH, true));
        Origin o = d.origin().orElseThrow();
        assertEquals("3a/branch2/conv5x5", o.path(), o.explanation());
        assertTrue(o.explanation().startsWith("3a/branch2/conv5x5: a 5x5 conv 16->32: 12,864 parameters"), o.explanation());
        assertTrue(d.differences().stream().anyMatch(x -> x.path().equals("5b/branch2/conv5x5") && x.change() == Change.DIFFERS));
    }
}
