package dev.incept.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incept.analysis.Analysis;
import dev.incept.analysis.Analyzer;
import dev.incept.analysis.Convention;
import dev.incept.spec.Network;

import org.junit.jupiter.api.Test;

/** The zoo must count exactly what the public reference implementations publish. */
class ZooReferenceCountsTest {

    private static Analysis analyze(String model, boolean aux, Convention convention) {
        Zoo.Model m = Zoo.get(model);
        Network net = m.build(m.defaults().withAux(aux));
        return Analyzer.analyze(net, convention, aux);
    }

    private static void assertMacsWithin(double referenceGiga, long macs, double tolerance) {
        double rel = Math.abs(macs / 1e9 - referenceGiga) / referenceGiga;
        assertTrue(rel <= tolerance, () -> "multiply-adds " + macs + " differ from " + referenceGiga + " G by " + rel);
    }

    @Test
    void kerasInceptionV3HasExactlyItsPublishedParameterCount() {
        Analysis a = analyze("inception-v3", false, Convention.KERAS);
        assertEquals(23_851_784L, a.params());
        assertEquals(23_817_352L, a.trainableParams());
        assertEquals(34_432L, a.nonTrainableParams());
        assertMacsWithin(5.713, a.macs(), 0.005);
    }

    @Test
    void kerasInceptionResNetV2HasExactlyItsPublishedParameterCount() {
        Analysis a = analyze("inception-resnet-v2", false, Convention.KERAS);
        assertEquals(55_873_736L, a.params());
        assertEquals(55_813_192L, a.trainableParams());
        assertEquals(60_544L, a.nonTrainableParams());
        assertMacsWithin(13.16, a.macs(), 0.005);
    }

    @Test
    void torchvisionInceptionV3CountsWithAndWithoutTheAuxHead() {
        assertEquals(27_161_264L, analyze("inception-v3", true, Convention.PYTORCH).params());
        assertEquals(23_834_568L, analyze("inception-v3", false, Convention.PYTORCH).params());
    }

    @Test
    void torchvisionGoogLeNetCountsForEachVariantAndAuxSetting() {
        assertEquals(6_624_904L, analyze("googlenet-3x3", false, Convention.PYTORCH).params());
        assertEquals(13_004_888L, analyze("googlenet-3x3", true, Convention.PYTORCH).params());
        assertEquals(7_005_832L, analyze("googlenet", false, Convention.PYTORCH).params());
        assertMacsWithin(1.498, analyze("googlenet-3x3", false, Convention.PYTORCH).macs(), 0.01);
    }

    @Test
    void thePapersGoogLeNetCountsAsCaffesBvlcGoogLeNetWithBiasesInPlaceOfBatchNorm() {
        // A bias (1 a channel) where torchvision's batch norm has a scale and a shift (2 a channel):
        // 7,005,832 less one value for each of the 7,280 convolution channels the paper's table lists
        // (stem 64+64+192; 3a..5b 368, 640, 624, 648, 664, 704, 1024, 1024, 1264): Caffe's 6,998,552.
        int channels = 64 + 64 + 192 + 368 + 640 + 624 + 648 + 664 + 704 + 1024 + 1024 + 1264;
        assertEquals(7_005_832L - channels, analyze("googlenet-paper", false, Convention.PYTORCH).params());
        assertEquals(6_998_552L, analyze("googlenet-paper", false, Convention.KERAS).params());
        // Each aux head: 1x1 128 with bias on 512 or 528 channels, FC 2048->1024, FC 1024->1000.
        long aux1 = 512 * 128 + 128 + 2048 * 1024 + 1024 + 1024 * 1000 + 1000;
        long aux2 = aux1 + 16 * 128;
        assertEquals(6_998_552L + aux1 + aux2, analyze("googlenet-paper", true, Convention.PYTORCH).params());
        assertMacsWithin(1.5, analyze("googlenet-paper", false, Convention.PYTORCH).macs(), 0.06);
    }

    @Test
    void kerasXceptionHasExactlyItsPublishedParameterCount() {
        Analysis a = analyze("xception", false, Convention.KERAS);
        assertEquals(22_910_480L, a.params());
        assertEquals(22_855_952L, a.trainableParams());
        assertEquals(54_528L, a.nonTrainableParams());
        // PyTorch counts the scales and shifts only: timm's xception has the same 22,855,952.
        assertEquals(22_855_952L, analyze("xception", false, Convention.PYTORCH).params());
    }

    @Test
    void timmInceptionV4MatchesExactly() {
        Analysis a = analyze("inception-v4", false, Convention.PYTORCH);
        assertEquals(42_679_816L, a.params());
        assertMacsWithin(12.28, a.macs(), 0.005);
    }

    @Test
    void timmInceptionResNetV2MatchesExactly() {
        Analysis a = analyze("inception-resnet-v2", false, Convention.PYTORCH);
        assertEquals(55_843_464L, a.params());
        assertMacsWithin(13.18, a.macs(), 0.005);
    }

    @Test
    void inceptionV3StageShapesAt299MatchThePaper() {
        Analysis a = analyze("inception-v3", false, Convention.PYTORCH);
        assertEquals("35x35x288", a.block("mixed2").orElseThrow().output().toString());
        assertEquals("17x17x768", a.block("mixed7").orElseThrow().output().toString());
        assertEquals("8x8x1280", a.block("mixed8").orElseThrow().output().toString());
        assertEquals("8x8x2048", a.block("mixed10").orElseThrow().output().toString());
        assertEquals("1000", a.output().toString());
    }
}
