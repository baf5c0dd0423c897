package dev.incept.analysis;

import static dev.incept.spec.Layers.concat;
import static dev.incept.spec.Layers.conv;
import static dev.incept.spec.Layers.dense;
import static dev.incept.spec.Layers.globalAvgPool;
import static dev.incept.spec.Layers.maxPool;
import static dev.incept.spec.Layers.residual;
import static dev.incept.spec.Layers.seq;
import static dev.incept.spec.Layers.squeezeExcite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incept.spec.ActivationKind;
import dev.incept.spec.Network;
import dev.incept.spec.FeatureShape;
import dev.incept.zoo.Zoo;

import org.junit.jupiter.api.Test;

class AnalysisTest {

    @Test
    void convParamsAndMacsFollowTheFormulaUnderEachConvention() {
        Network net = Network.builder("t").input(16, 10, 10).add(conv(32, 3).valid()).build();
        Analysis torch = Analyzer.analyze(net, Convention.PYTORCH, false);
        Analysis keras = Analyzer.analyze(net, Convention.KERAS, false);
        long weights = 3 * 3 * 16 * 32;
        assertEquals(weights + 2 * 32, torch.params());
        assertEquals(weights + 32, keras.trainableParams());
        assertEquals(64, keras.nonTrainableParams());
        assertEquals(weights * 8 * 8, torch.macs());
    }

    @Test
    void aSqueezeExcitationGateCountsTwoBiasedOneByOneConvolutionsOnThePooledChannels() {
        Network net = Network.builder("t").input(64, 10, 10).add(squeezeExcite(), squeezeExcite(64).activation(ActivationKind.SILU)).build();
        Analysis a = Analyzer.analyze(net);
        // 64 -> 4 -> 64 with biases, then 64 -> 1 -> 64: the gate's width never falls below one channel
        assertEquals(64 * 4 + 4 + 4 * 64 + 64, a.blocks().get(0).params());
        assertEquals(64 + 1 + 64 + 64, a.blocks().get(1).params());
        assertEquals(2 * 64 * 4 + 2 * 64, a.macs());
        assertEquals("10x10x64", a.output().toString());
        assertEquals("se /16", a.blocks().get(0).kind());
        assertEquals("se /64 silu", a.blocks().get(1).kind());
    }

    @Test
    void asymmetricKernelsAndStridesGiveTheirOwnShapes() {
        Network net = Network.builder("t").input(8, 17, 17).add(conv(8, 1, 7), conv(8, 7, 1).valid(), conv(8, 3).stride(2, 1).valid()).build();
        Analysis a = Analyzer.analyze(net);
        assertEquals("17x17x8", a.blocks().get(0).output().toString());
        assertEquals("11x17x8", a.blocks().get(1).output().toString());
        assertEquals("5x15x8", a.output().toString());
    }

    @Test
    void ceilModeRoundsUpLikeTorch() {
        Network net = Network.builder("t").input(3, 112, 112).add(maxPool(3, 2).ceilMode(true)).build();
        assertEquals(56, Analyzer.analyze(net).output().height());
        Network floor = Network.builder("t").input(3, 112, 112).add(maxPool(3, 2)).build();
        assertEquals(55, Analyzer.analyze(floor).output().height());
    }

    @Test
    void concatAddsChannelsAndNestedSplitsCount() {
        Network net = Network.builder("t").input(8, 8, 8)
                .add(concat(conv(4, 1), seq(conv(6, 1), concat(conv(5, 1, 3), conv(7, 3, 1))))).build();
        assertEquals(4 + 5 + 7, Analyzer.analyze(net).output().channels());
    }

    @Test
    void residualProjectionIsALinearConvWithBiasAndNoBatchNorm() {
        Network net = Network.builder("t").input(10, 5, 5).add(residual(0.2, conv(6, 1).named("b"))).build();
        Analysis a = Analyzer.analyze(net, Convention.PYTORCH, false);
        BlockReport proj = a.block("residual/project").orElseThrow();
        assertEquals(6 * 10 + 10, proj.params());
        assertEquals(6L * 10 * 25, proj.macs());
        assertEquals((10 * 6 + 12) + (6 * 10 + 10), a.params());
    }

    @Test
    void receptiveFieldGrowsWithKernelsAndStrides() {
        Network net = Network.builder("t").input(1, 64, 64).add(conv(1, 3).stride(2), conv(1, 3), maxPool(2, 2), conv(1, 1, 5)).build();
        Analysis a = Analyzer.analyze(net);
        // 3 -> 3 + 2*2 = 7 -> 7 + 1*2 = 9, jump 4 -> width 9 + 4*4 = 25, height stays 9
        ReceptiveField rf = a.blocks().get(3).receptiveField();
        assertEquals(9, rf.height());
        assertEquals(25, rf.width());
    }

    @Test
    void aDilatedConvolutionSeesItsSpanButCountsItsTaps() {
        // DeepLab's output stride 16: the last stage keeps its grid and dilates by 2 instead of striding
        Network net = Network.builder("t").input(8, 16, 16).add(conv(16, 3).dilation(2), conv(16, 3).dilation(2).valid(),
                dev.incept.spec.Layers.depthwise(3).dilation(3, 1), conv(4, 3).stride(2).dilation(2)).build();
        Analysis a = Analyzer.analyze(net, Convention.PYTORCH, false);
        // "same" pads half the span: 16 -> 16; valid loses the span less one: 16 -> 12
        assertEquals(FeatureShape.of(16, 16, 16), a.blocks().get(0).output());
        assertEquals(FeatureShape.of(16, 12, 12), a.blocks().get(1).output());
        assertEquals(FeatureShape.of(16, 12, 12), a.blocks().get(2).output());
        assertEquals(FeatureShape.of(4, 6, 6), a.blocks().get(3).output());
        // weights and multiply-adds are the taps', as undilated
        assertEquals(3 * 3 * 8 * 16 + 2 * 16, a.blocks().get(0).params());
        assertEquals(3L * 3 * 8 * 16 * 16 * 16, a.blocks().get(0).macs());
        // spans 5, 5, 7x3 and 5: 1 + 4 + 4 = 9, then 9 + 6 = 15 by 9 + 2 = 11, then + 4
        assertEquals(new ReceptiveField(19, 15, 2, 2), a.blocks().get(3).receptiveField());
        assertEquals("conv 3x3 dil 2 bn", a.blocks().get(0).kind());
        assertEquals("dwconv 3x3 dil 3x1", a.blocks().get(2).kind());
    }

    @Test
    void groupNormCountsAScaleAndShiftPerChannelAndRefusesGroupsThatDoNotDivide() {
        Network ok = Network.builder("t").input(8, 6, 6).add(conv(32, 3).noBatchNorm(), dev.incept.spec.Layers.groupNorm(8)).build();
        BlockReport gn = Analyzer.analyze(ok).blocks().get(1);
        assertEquals(2 * 32, gn.params());
        assertEquals("groupnorm 8", gn.kind());
        Network bad = Network.builder("t").input(8, 6, 6).add(conv(30, 3), dev.incept.spec.Layers.groupNorm(8).named("gn")).build();
        dev.incept.spec.SpecException e = org.junit.jupiter.api.Assertions.assertThrows(dev.incept.spec.SpecException.class,
                () -> Analyzer.analyze(bad));
        assertEquals("gn: group norm's 8 groups must divide the input's 30 channels", e.getMessage());
    }

    @Test
    void aDilationThatIsNotPositiveIsRefusedWithItsPath() {
        Network net = Network.builder("t").input(8, 16, 16).add(conv(16, 3).dilation(0).named("wide")).build();
        dev.incept.spec.SpecException e = org.junit.jupiter.api.Assertions.assertThrows(dev.incept.spec.SpecException.class,
                () -> Analyzer.analyze(net));
        assertTrue(e.getMessage().startsWith("wide: dilation height must be positive"), e.getMessage());
    }

    @Test
    void auxHeadsCountOnlyWhenAsked() {
        Network net = Network.builder("t").input(3, 16, 16).add(conv(8, 3).named("stem"), globalAvgPool(), dense(10))
                .aux("aux", "stem", 0.3, globalAvgPool(), dense(10)).build();
        long with = Analyzer.analyze(net, Convention.PYTORCH, true).params();
        long without = Analyzer.analyze(net, Convention.PYTORCH, false).params();
        assertEquals(8 * 10 + 10, with - without);
    }

    @Test
    void zooModelsAcceptOtherInputSizesAndClassCounts() {
        for (Zoo.Model m : Zoo.models()) {
            Network net = m.build(m.defaults().withClasses(10).withInput(1, 160).withAux(true));
            Analysis a = Analyzer.analyze(net);
            assertEquals(FeatureShape.vector(10), a.output(), m.name());
        }
    }

    @Test
    void theSummaryTableListsBlocksAndTotals() {
        Zoo.Model m = Zoo.get("inception-v3");
        String table = SummaryTable.render(Analyzer.analyze(m.build(m.defaults()), Convention.KERAS, false), 0);
        assertTrue(table.contains("mixed10"));
        assertTrue(table.contains("8x8x2048"));
        assertTrue(table.contains("23,851,784"));
        assertTrue(table.contains("5.713 G"));
    }
}
