package dev.incept.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incept.analysis.Analysis;
import dev.incept.analysis.Analyzer;
import dev.incept.analysis.Convention;
import dev.incept.compile.ParameterSlots;
import dev.incept.zoo.ModelConfig;
import dev.incept.zoo.Zoo;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * timm's state-dict names for inception_v4 and inception_resnet_v2 land on the zoo's twins with
 * timm's shapes. The counts and shapes here were read off timm's model source by hand, not from
 * the name lists under test: 149 ConvNormAct modules in inception_v4 (5 tensors each, num_batches_tracked
 * aside) and a classifier; 204 BasicConv2d modules, 40 residual projections with a bias, and a
 * classifier in inception_resnet_v2. (timm does not run here, so its outputs are not compared.)
 */
class TimmNamesTest {

    private static Map<String, long[]> shapes(String model) {
        Analysis a = Analyzer.analyze(Zoo.get(model).build(new ModelConfig(1000, 3, 299, false, true)), Convention.PYTORCH, true);
        List<PublishedNames.Name> names = PublishedNames.of(a);
        List<ParameterSlots.Slot> slots = ParameterSlots.of(a);
        assertEquals(slots.size(), names.size());
        Map<String, long[]> out = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            assertTrue(out.put(names.get(i).key(), slots.get(i).shape()) == null, "name used twice: " + names.get(i).key());
        }
        return out;
    }

    @Test
    void inceptionV4TakesTimmsTensorsWithTimmsShapes() {
        Map<String, long[]> s = shapes("inception-v4");
        assertEquals(149 * 5 + 2, s.size());
        assertArrayEquals(new long[] {32, 3, 3, 3}, s.get("features.0.conv.weight"));
        assertArrayEquals(new long[] {96, 64, 3, 3}, s.get("features.3.conv.conv.weight"));
        assertArrayEquals(new long[] {64, 64, 7, 1}, s.get("features.4.branch1.2.conv.weight"));
        assertArrayEquals(new long[] {192}, s.get("features.5.conv.bn.running_var"));
        assertArrayEquals(new long[] {96, 384, 1, 1}, s.get("features.9.branch3.1.conv.weight"));
        assertArrayEquals(new long[] {256, 224, 3, 3}, s.get("features.10.branch1.2.conv.weight"));
        assertArrayEquals(new long[] {256, 224, 1, 7}, s.get("features.17.branch2.4.conv.weight"));
        assertArrayEquals(new long[] {320, 320, 3, 3}, s.get("features.18.branch1.3.conv.weight"));
        assertArrayEquals(new long[] {448, 384, 3, 1}, s.get("features.21.branch2_1.conv.weight"));
        assertArrayEquals(new long[] {256, 512, 3, 1}, s.get("features.21.branch2_3b.conv.weight"));
        assertArrayEquals(new long[] {1000, 1536}, s.get("last_linear.weight"));
        assertArrayEquals(new long[] {1000}, s.get("last_linear.bias"));
    }

    @Test
    void inceptionResNetV2TakesTimmsTensorsWithTimmsShapes() {
        Map<String, long[]> s = shapes("inception-resnet-v2");
        assertEquals(204 * 5 + 40 * 2 + 2, s.size());
        assertArrayEquals(new long[] {192, 80, 3, 3}, s.get("conv2d_4a.conv.weight"));
        assertArrayEquals(new long[] {64, 48, 5, 5}, s.get("mixed_5b.branch1.1.conv.weight"));
        assertArrayEquals(new long[] {320, 128, 1, 1}, s.get("repeat.9.conv2d.weight"));
        assertArrayEquals(new long[] {320}, s.get("repeat.0.conv2d.bias"));
        assertArrayEquals(new long[] {384, 256, 3, 3}, s.get("mixed_6a.branch1.2.conv.weight"));
        assertArrayEquals(new long[] {160, 128, 1, 7}, s.get("repeat_1.19.branch1.1.conv.weight"));
        assertArrayEquals(new long[] {1088, 384, 1, 1}, s.get("repeat_1.0.conv2d.weight"));
        assertArrayEquals(new long[] {288, 256, 3, 3}, s.get("mixed_7a.branch2.1.conv.weight"));
        assertArrayEquals(new long[] {256, 224, 3, 1}, s.get("repeat_2.8.branch1.2.conv.weight"));
        assertArrayEquals(new long[] {2080, 448, 1, 1}, s.get("block8.conv2d.weight"));
        assertArrayEquals(new long[] {2080}, s.get("block8.conv2d.bias"));
        assertArrayEquals(new long[] {1536, 2080, 1, 1}, s.get("conv2d_7b.conv.weight"));
        assertArrayEquals(new long[] {1000, 1536}, s.get("classif.weight"));
    }

    @Test
    void aTimmTwinBuiltWithAnAuxHeadIsRefusedBecauseTimmHasNone() {
        Analysis a = Analyzer.analyze(Zoo.get("inception-v4").build(new ModelConfig(1000, 3, 299, true, true)), Convention.PYTORCH, true);
        WeightsException e = assertThrows(WeightsException.class, () -> PublishedNames.of(a));
        assertEquals("timm's inception_v4 has no aux head; build inception-v4 without one", e.getMessage());
    }

    @Test
    void theBranchesOfAConcatenationKeepTimmsOrderSoThatChannelsLineUp() {
        // Mixed3a concatenates (max pool, conv) and Mixed5a (conv, max pool): the conv's place in the
        // concatenation decides which input channels the next block's weights read.
        Analysis a = Analyzer.analyze(Zoo.get("inception-v4").build(new ModelConfig(1000, 3, 299, false, true)), Convention.PYTORCH, true);
        Map<String, String> pathOf = new HashMap<>();
        for (PublishedNames.Name n : PublishedNames.of(a)) {
            pathOf.put(n.key(), n.path());
        }
        assertEquals("mixed_3a/branch1", pathOf.get("features.3.conv.conv.weight"));
        assertEquals("mixed_5a/branch0", pathOf.get("features.5.conv.conv.weight"));
        assertTrue(new HashSet<>(pathOf.values()).contains("logits"));
    }
}
