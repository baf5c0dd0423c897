package dev.incept.analysis;

import static dev.incept.spec.Layers.concat;
import static dev.incept.spec.Layers.conv;
import static dev.incept.spec.Layers.dense;
import static dev.incept.spec.Layers.globalAvgPool;
import static dev.incept.spec.Layers.repeat;
import static dev.incept.spec.Layers.residual;
import static dev.incept.spec.Layers.seq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incept.spec.ActivationKind;
import dev.incept.spec.Conv;
import dev.incept.spec.Network;
import dev.incept.spec.Residual;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The analyser's one resolved tree: every layer with its path, kind, shapes and counts, read by everything else. */
class ResolvedTreeTest {
    private static final Network NET = Network.builder("t").input(3, 9, 9)
            .block("stem", conv(8, 3))
            .add(repeat("blocks", 2, residual("res", 0.2, concat(conv(4, 1), seq(conv(4, 1), conv(6, 3))))))
            .add(globalAvgPool(), dense(10))
            .aux("side", "stem", 0.4, globalAvgPool(), dense(10))
            .build();

    @Test
    void theSummaryRowsAreTheTreeDepthFirst() {
        Analysis a = Analyzer.analyze(NET);
        List<BlockReport> fromTree = new ArrayList<>();
        collect(a.layers(), fromTree);
        a.aux().forEach(h -> collect(h.layers(), fromTree));
        assertEquals(a.blocks(), fromTree);
        assertEquals(List.of("stem", "blocks", "global_avgpool", "dense"), a.layers().stream().map(ResolvedLayer::segment).toList());
        assertEquals(0, a.aux().get(0).stage());
        assertEquals(0.4, a.aux().get(0).lossWeight());
    }

    @Test
    void aResidualsProjectionIsAnOrdinaryConvolutionInTheTree() {
        ResolvedLayer res = Analyzer.analyze(NET).layers().get(1).children().get(1);
        assertEquals("blocks/2", res.path());
        assertTrue(res.layer() instanceof Residual);
        ResolvedLayer project = res.children().get(1);
        assertEquals("blocks/2/project", project.path());
        Conv c = assertInstanceOf(Conv.class, project.layer());
        assertEquals(List.of(1, 1, 8), List.of(c.kernelH(), c.kernelW(), c.filters()));
        assertFalse(c.batchNorm());
        assertEquals(ActivationKind.LINEAR, c.activation());
        // the body's 4 + 6 channels back to the input's 8, with a bias
        assertEquals(10L * 8 + 8, project.params());
        assertEquals(10, project.input().channels());
        assertEquals(8, project.output().channels());
    }

    private static void collect(List<ResolvedLayer> layers, List<BlockReport> into) {
        for (ResolvedLayer l : layers) {
            into.add(l.report());
            collect(l.children(), into);
        }
    }

    @Test
    void everyLayersOwnParameterTensorsAddUpToItsCountInEveryZooModel() {
        for (dev.incept.zoo.Zoo.Model m : dev.incept.zoo.Zoo.models()) {
            Analysis a = Analyzer.analyze(m.build(m.defaults()), Convention.PYTORCH, true);
            List<ResolvedLayer> leaves = new ArrayList<>();
            a.layers().forEach(l -> leavesOf(l, leaves));
            a.aux().forEach(h -> h.layers().forEach(l -> leavesOf(l, leaves)));
            for (ResolvedLayer leaf : leaves) {
                long trainable = leaf.parameters().stream()
                        .filter(p -> p.role() != dev.incept.spec.ParameterRole.BN_MEAN && p.role() != dev.incept.spec.ParameterRole.BN_VARIANCE)
                        .mapToLong(p -> p.dims().stream().reduce(1L, (x, y) -> x * y)).sum();
                assertEquals(leaf.trainableParams(), trainable, m.name() + " " + leaf.path());
            }
        }
    }

    private static void leavesOf(ResolvedLayer l, List<ResolvedLayer> into) {
        if (l.children().isEmpty()) {
            into.add(l);
        }
        l.children().forEach(c -> leavesOf(c, into));
    }
}
