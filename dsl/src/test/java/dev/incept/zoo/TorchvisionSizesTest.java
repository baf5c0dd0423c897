package dev.incept.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.incept.analysis.Analyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The zoo models that mirror torchvision keep its parameter counts at every input size, aux heads
 * included, because their aux heads pool adaptively as torchvision's do (counts from torchvision's
 * googlenet and inception_v3, as issue 23 gives them).
 */
class TorchvisionSizesTest {

    @ParameterizedTest(name = "{0}x{0}")
    @ValueSource(ints = {15, 16, 20, 24, 30, 75, 96, 224, 299, 400})
    void googlenet3x3WithAuxHeadsHasTorchvisionsCountAtEveryInput(int size) {
        // torchvision.models.googlenet(num_classes=10, aux_logits=True, init_weights=False)
        assertEquals(9_960_638L, Analyzer.analyze(Zoo.get("googlenet-3x3").build(new ModelConfig(10, 3, size, true, true))).params());
    }

    @ParameterizedTest(name = "{0}x{0}")
    @ValueSource(ints = {299, 400})
    void inceptionV3WithAuxHeadHasTorchvisionsCountFrom299Up(int size) {
        // torchvision.models.inception_v3(aux_logits=True, init_weights=False): 27,161,264
        assertEquals(27_161_264L, Analyzer.analyze(Zoo.get("inception-v3").build(new ModelConfig(1000, 3, size, true, true))).params());
    }

    @Test
    void belowTorchvisionsSmallestAuxInputTheV3HeadsConvolutionShrinksToItsGrid() {
        // At 139x139 the aux head's pooled grid is 1x1, where torchvision's 5x5 convolution fails:
        // incept's becomes 1x1 (768 x 128 weights instead of 768 x 128 x 25).
        long at299 = Analyzer.analyze(Zoo.get("inception-v3").build(new ModelConfig(1000, 3, 299, true, true))).params();
        long at139 = Analyzer.analyze(Zoo.get("inception-v3").build(new ModelConfig(1000, 3, 139, true, true))).params();
        assertEquals(768L * 128 * 24, at299 - at139);
    }
}
