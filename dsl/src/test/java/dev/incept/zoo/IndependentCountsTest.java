package dev.incept.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.incept.analysis.Analyzer;
import dev.incept.analysis.Convention;
import org.junit.jupiter.api.Test;

/**
 * Inception-v2 and Inception-ResNet-v1 have no published parameter count to compare with, so
 * their counts are worked out here by plain arithmetic from the papers' tables (the v3 paper's
 * table 1 and figures 5-7; the v4 paper's figures 10-15 with facenet's block counts), without the
 * analyser. The arithmetic is first checked on the two close relatives that do have published
 * counts: torchvision's Inception-v3 and timm's Inception-ResNet-v2. PyTorch's convention
 * throughout (batch norm's scale and shift counted, running statistics not), 1000 classes, no aux.
 */
class IndependentCountsTest {

    /** A convolution with batch norm and no bias. */
    private static long c(long in, long out, long kh, long kw) {
        return in * out * kh * kw + 2 * out;
    }

    private static long c(long in, long out, long k) {
        return c(in, out, k, k);
    }

    /** A residual's linear 1x1 back to the input width, with bias; and the classifier. */
    private static long biased(long in, long out) {
        return in * out + out;
    }

    private static long v3Stem() {
        return c(3, 32, 3) + c(32, 32, 3) + c(32, 64, 3) + c(64, 80, 1) + c(80, 192, 3);
    }

    /** Figure 5; with {@code two3x3} the 5x5 of the second branch is the figure's two 3x3. */
    private static long blockA(long in, long poolProj, boolean two3x3) {
        long second = c(in, 48, 1) + (two3x3 ? c(48, 64, 3) + c(64, 64, 3) : c(48, 64, 5));
        return c(in, 64, 1) + second + c(in, 64, 1) + c(64, 96, 3) + c(96, 96, 3) + c(in, poolProj, 1);
    }

    private static long reductionA(long in) {
        return c(in, 384, 3) + c(in, 64, 1) + c(64, 96, 3) + c(96, 96, 3);
    }

    /** Figure 6, n = 7. */
    private static long blockB(long in, long c7) {
        return c(in, 192, 1)
                + c(in, c7, 1) + c(c7, c7, 1, 7) + c(c7, 192, 7, 1)
                + c(in, c7, 1) + c(c7, c7, 7, 1) + c(c7, c7, 1, 7) + c(c7, c7, 7, 1) + c(c7, 192, 1, 7)
                + c(in, 192, 1);
    }

    private static long reductionB(long in) {
        return c(in, 192, 1) + c(192, 320, 3) + c(in, 192, 1) + c(192, 192, 1, 7) + c(192, 192, 7, 1) + c(192, 192, 3);
    }

    /** Figure 7. */
    private static long blockC(long in) {
        long split = c(384, 384, 1, 3) + c(384, 384, 3, 1);
        return c(in, 320, 1) + c(in, 384, 1) + split + c(in, 448, 1) + c(448, 384, 3) + split + c(in, 192, 1);
    }

    private static long params(String model) {
        return Analyzer.analyze(Zoo.get(model).build(new ModelConfig(1000, 3, 299, false, true)), Convention.PYTORCH, false).params();
    }

    @Test
    void theArithmeticGivesTorchvisionsPublishedInceptionV3Count() {
        long v3 = v3Stem() + blockA(192, 32, false) + blockA(256, 64, false) + blockA(288, 64, false) + reductionA(288)
                + blockB(768, 128) + blockB(768, 160) + blockB(768, 160) + blockB(768, 192) + reductionB(768)
                + blockC(1280) + blockC(2048) + biased(2048, 1000);
        assertEquals(23_834_568L, v3);
    }

    @Test
    void inceptionV2CountsWhatTheV3PapersTableWorksOutTo() {
        // Table 1: the stem's last rows are 3x3 80, 3x3/2 192, 3x3 288; 3 x figure 5, 5 x figure 6, 2 x figure 7.
        long stem = c(3, 32, 3) + c(32, 32, 3) + c(32, 64, 3) + c(64, 80, 3) + c(80, 192, 3) + c(192, 288, 3);
        long v2 = stem + 3 * blockA(288, 64, true) + reductionA(288)
                + blockB(768, 128) + 3 * blockB(768, 160) + blockB(768, 192) + reductionB(768)
                + blockC(1280) + blockC(2048) + biased(2048, 1000);
        assertEquals(26_065_224L, v2);
        assertEquals(v2, params("inception-v2"));
    }

    @Test
    void theArithmeticGivesTimmsPublishedInceptionResNetV2Count() {
        long mixed5b = c(192, 96, 1) + c(192, 48, 1) + c(48, 64, 5) + c(192, 64, 1) + c(64, 96, 3) + c(96, 96, 3) + c(192, 64, 1);
        long block35 = c(320, 32, 1) + c(320, 32, 1) + c(32, 32, 3) + c(320, 32, 1) + c(32, 48, 3) + c(48, 64, 3) + biased(128, 320);
        long mixed6a = c(320, 384, 3) + c(320, 256, 1) + c(256, 256, 3) + c(256, 384, 3);
        long block17 = c(1088, 192, 1) + c(1088, 128, 1) + c(128, 160, 1, 7) + c(160, 192, 7, 1) + biased(384, 1088);
        long mixed7a = c(1088, 256, 1) + c(256, 384, 3) + c(1088, 256, 1) + c(256, 288, 3)
                + c(1088, 256, 1) + c(256, 288, 3) + c(288, 320, 3);
        long block8 = c(2080, 192, 1) + c(2080, 192, 1) + c(192, 224, 1, 3) + c(224, 256, 3, 1) + biased(448, 2080);
        long irv2 = v3Stem() + mixed5b + 10 * block35 + mixed6a + 20 * block17 + mixed7a + 10 * block8
                + c(2080, 1536, 1) + biased(1536, 1000);
        assertEquals(55_843_464L, irv2);
    }

    @Test
    void inceptionResNetV1CountsWhatTheV4PapersFiguresWorkOutTo() {
        // Figure 14's stem to 35x35x256; figures 10, 7 (k, l, m, n = 192, 192, 256, 384), 11, 12, 13;
        // facenet's 5 x block35, 10 x block17, 5 x block8 and a last block8 without activation.
        long stem = c(3, 32, 3) + c(32, 32, 3) + c(32, 64, 3) + c(64, 80, 1) + c(80, 192, 3) + c(192, 256, 3);
        long block35 = c(256, 32, 1) + c(256, 32, 1) + c(32, 32, 3) + c(256, 32, 1) + c(32, 32, 3) + c(32, 32, 3) + biased(96, 256);
        long reductionA = c(256, 384, 3) + c(256, 192, 1) + c(192, 192, 3) + c(192, 256, 3);
        long block17 = c(896, 128, 1) + c(896, 128, 1) + c(128, 128, 1, 7) + c(128, 128, 7, 1) + biased(256, 896);
        long reductionB = c(896, 256, 1) + c(256, 384, 3) + c(896, 256, 1) + c(256, 256, 3)
                + c(896, 256, 1) + c(256, 256, 3) + c(256, 256, 3);
        long block8 = c(1792, 192, 1) + c(1792, 192, 1) + c(192, 192, 1, 3) + c(192, 192, 3, 1) + biased(384, 1792);
        long irv1 = stem + 5 * block35 + reductionA + 10 * block17 + reductionB + 6 * block8 + biased(1792, 1000);
        assertEquals(24_357_096L, irv1);
        assertEquals(irv1, params("inception-resnet-v1"));
    }
}
