package dev.incept.analysis;

import static dev.incept.spec.Layers.activation;
import static dev.incept.spec.Layers.avgPool;
import static dev.incept.spec.Layers.batchNorm;
import static dev.incept.spec.Layers.block;
import static dev.incept.spec.Layers.depthwise;
import static dev.incept.spec.Layers.flatten;
import static dev.incept.spec.Layers.lrn;
import static dev.incept.spec.Layers.concat;
import static dev.incept.spec.Layers.conv;
import static dev.incept.spec.Layers.dense;
import static dev.incept.spec.Layers.dropout;
import static dev.incept.spec.Layers.globalAvgPool;
import static dev.incept.spec.Layers.identityResidual;
import static dev.incept.spec.Layers.maxPool;
import static dev.incept.spec.Layers.repeat;
import static dev.incept.spec.Layers.residual;
import static dev.incept.spec.Layers.seq;
import static dev.incept.spec.Layers.squeezeExcite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incept.spec.ActivationKind;
import dev.incept.spec.Layer;
import dev.incept.spec.Network;
import dev.incept.spec.FeatureShape;
import dev.incept.spec.SpecException;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Every invalid description fails with a SpecException naming the block path and the numbers. */
class ValidationTest {

    private static SpecException rejected(FeatureShape input, Layer... layers) {
        Network net = Network.builder("t").input(input).add(layers).build();
        return assertThrows(SpecException.class, () -> Analyzer.analyze(net));
    }

    private static void assertMentions(SpecException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "'" + e.getMessage() + "' should mention '" + p + "'");
        }
    }

    @Test
    void nonPositiveSizesNameTheBlockAndTheValue() {
        assertMentions(rejected(FeatureShape.of(3, 32, 32), conv(0, 3).named("c")), "c:", "filters", "0");
        assertMentions(rejected(FeatureShape.of(3, 32, 32), conv(8, 3).stride(-1).named("c")), "c:", "stride", "-1");
        assertMentions(rejected(FeatureShape.of(3, 32, 32), maxPool(0, 1).named("p")), "p:", "pool height", "0");
        assertMentions(rejected(FeatureShape.of(3, 32, 32), globalAvgPool(), dense(-5).named("fc")), "fc:", "units", "-5");
    }

    @Test
    void aConvolutionAfterAFlattenNamesItsPathAndTheVector() {
        assertMentions(rejected(FeatureShape.of(3, 8, 8), block("head", flatten(), conv(8, 3))),
                "head/conv3x3:", "spatial input", "flat vector of 192");
    }

    @Test
    void softmaxAnywhereButTheEndOfTheNetworkOrAnAuxHeadIsRejected() {
        assertMentions(rejected(FeatureShape.of(3, 8, 8), conv(8, 3).activation(ActivationKind.SOFTMAX), globalAvgPool(), dense(4)),
                "conv3x3:", "softmax may only end");
        assertMentions(rejected(FeatureShape.of(3, 8, 8), globalAvgPool(), block("head", activation(ActivationKind.SOFTMAX), dense(4))),
                "head/softmax:", "softmax may only end");
        assertMentions(rejected(FeatureShape.of(3, 8, 8), residual("res", 1.0, conv(3, 1)).activation(ActivationKind.SOFTMAX)),
                "res:", "cannot be softmax");
        Network ok = Network.builder("t").input(FeatureShape.of(3, 8, 8))
                .add(conv(8, 3), globalAvgPool(), block("head", dense(4), activation(ActivationKind.SOFTMAX)))
                .aux("side", "conv3x3", 0.3, flatten(), dense(4).activation(ActivationKind.SOFTMAX)).build();
        assertEquals(FeatureShape.vector(4), Analyzer.analyze(ok).output());
    }

    @Test
    void groupsThatDoNotDivideTheChannelsNameTheBlockAndBothWidths() {
        assertMentions(rejected(FeatureShape.of(6, 8, 8), conv(8, 3).groups(4).named("g")), "g:", "4 groups", "6 channels", "8 filters");
        assertMentions(rejected(FeatureShape.of(8, 8, 8), conv(6, 3).groups(4).named("g")), "g:", "4 groups", "6 filters");
        assertMentions(rejected(FeatureShape.of(8, 8, 8), depthwise(3).multiplier(0).named("d")), "d:", "depth multiplier", "0");
    }

    @Test
    void aGateThatSqueezesBelowOneChannelOrSitsOnAVectorNamesTheBlock() {
        assertMentions(rejected(FeatureShape.of(8, 8, 8), squeezeExcite(16).named("se")), "se:", "reduction must be in 1..8", "got 16");
        assertMentions(rejected(FeatureShape.of(8, 8, 8), seq(globalAvgPool(), squeezeExcite(2)).named("b")), "b/se:", "squeeze-and-excitation");
    }

    @Test
    void aShortcutWhoseGridDiffersFromTheBodysNamesBoth() {
        SpecException e = rejected(FeatureShape.of(8, 8, 8), residual("x", 1.0, conv(8, 3)).shortcut(conv(8, 1).stride(2)));
        assertMentions(e, "x:", "body output 8x8", "the shortcut, 4x4x8");
    }

    @Test
    void badNormalisationSettingsNameTheBlockAndTheValue() {
        assertMentions(rejected(FeatureShape.of(3, 8, 8), lrn(4, 1e-4, 0.75, 1).named("n")), "n:", "odd", "4");
        assertMentions(rejected(FeatureShape.of(3, 8, 8), lrn(5, 1e-4, 0.75, 0).named("n")), "n:", "k 0.0");
        assertMentions(rejected(FeatureShape.of(3, 8, 8), batchNorm().epsilon(0).named("bn")), "bn:", "epsilon", "0.0");
        assertMentions(rejected(FeatureShape.of(3, 8, 8), batchNorm().momentum(1).named("bn")), "bn:", "momentum", "1.0");
        assertMentions(rejected(FeatureShape.of(3, 8, 8), globalAvgPool(), lrn(5, 1e-4, 0.75, 1).named("n")), "n:", "spatial input");
    }

    @Test
    void aNonPositiveInputShapeIsRejected() {
        assertMentions(rejected(FeatureShape.of(3, 0, 32), conv(8, 3)), "input", "3x0x32");
    }

    @Test
    void aKernelLargerThanItsPaddedInputReportsBothSizes() {
        SpecException e = rejected(FeatureShape.of(3, 8, 8),
                concat("mixed", conv(8, 1), seq(conv(8, 5).stride(2).valid(), conv(8, 7).valid())));
        assertMentions(e, "mixed/branch1/conv7x7", "7", "padded input", "2");
    }

    @Test
    void branchesThatDisagreeOnSpatialSizeAreListed() {
        SpecException e = rejected(FeatureShape.of(3, 17, 17), concat("mixed", conv(8, 1), conv(8, 3).valid()));
        assertMentions(e, "mixed:", "branch0 17x17x8", "branch1 15x15x8");
    }

    @Test
    void aResidualThatChangesWidthWithoutProjectionIsRejected() {
        SpecException e = rejected(FeatureShape.of(32, 8, 8), identityResidual(0.1, conv(64, 3)).named("res"));
        assertMentions(e, "res:", "64", "32", "no projection");
    }

    @Test
    void aResidualThatChangesTheGridIsRejected() {
        assertMentions(rejected(FeatureShape.of(32, 8, 8), residual("res", 0.1, conv(32, 3).stride(2))), "res:", "4x4x32", "8x8");
    }

    @Test
    void aNegativeOrNonFiniteResidualScaleIsRejected() {
        assertMentions(rejected(FeatureShape.of(32, 8, 8), residual("res", -0.1, conv(32, 1))), "res:", "-0.1");
        assertMentions(rejected(FeatureShape.of(32, 8, 8), residual("res", Double.NaN, conv(32, 1))), "res:", "NaN");
    }

    @Test
    void anAuxHeadAfterAnUnknownBlockNamesTheMissingBlock() {
        Network net = Network.builder("t").input(3, 32, 32)
                .add(conv(8, 3).named("stem"), globalAvgPool(), dense(10))
                .aux("side", "stme", 0.3, globalAvgPool(), dense(10))
                .build();
        SpecException e = assertThrows(SpecException.class, () -> Analyzer.analyze(net));
        assertMentions(e, "aux/side", "stme", "stem");
    }

    @Test
    void evenKernelsWithSamePaddingAskForExplicitPadding() {
        assertMentions(rejected(FeatureShape.of(3, 8, 8), conv(4, 2).named("c")), "c:", "odd", "2x2");
    }

    @Test
    void poolPaddingOverHalfTheWindowIsRejected() {
        assertMentions(rejected(FeatureShape.of(3, 8, 8), maxPool(3, 1).pad(2, 2).named("p")), "p:", "2x2", "3x3");
    }

    @Test
    void convolutionOnAFlatVectorIsRejected() {
        assertMentions(rejected(FeatureShape.of(3, 8, 8), globalAvgPool(), conv(4, 1).named("late")), "late:", "flat", "3");
    }

    @Test
    void dropoutOutsideItsRangeAndBadRepeatCountsAreRejected() {
        assertMentions(rejected(FeatureShape.of(3, 8, 8), dropout(1.0).named("d")), "d:", "1.0");
        assertMentions(rejected(FeatureShape.of(3, 8, 8), repeat("r", 0, conv(3, 1))), "r:", "0");
        assertMentions(rejected(FeatureShape.of(3, 8, 8), repeat("r", 1_000_000, conv(3, 1))), "r:", "1000000");
    }

    @Test
    void emptySequencesAndConcatsAndDuplicateNamesAreRejected() {
        assertMentions(rejected(FeatureShape.of(3, 8, 8), seq().named("s")), "s:", "at least one");
        assertMentions(rejected(FeatureShape.of(3, 8, 8), concat("c")), "c:", "at least one branch");
        assertMentions(rejected(FeatureShape.of(3, 8, 8), conv(3, 1).named("x"), conv(3, 1).named("x")), "'x'");
        assertMentions(rejected(FeatureShape.of(3, 8, 8), conv(3, 1).named("a/b")), "'/'");
    }

    @Test
    void overflowingCountsAreASpecExceptionNotAWrongNumber() {
        SpecException e = rejected(FeatureShape.of(1_000_000, 1000, 1000), dense(Integer.MAX_VALUE).named("huge"));
        assertMentions(e, "huge", "overflow");
    }

    @Test
    void nullPartsFailWithTheDslExceptionNotANullPointer() {
        assertThrows(SpecException.class, () -> new dev.incept.spec.Sequence("s", null));
        assertThrows(SpecException.class, () -> new dev.incept.spec.Concat("c", java.util.Arrays.asList(conv(1, 1), null)));
        assertThrows(SpecException.class, () -> new Network("n", null, List.of(), List.of()));
    }

    @Test
    void fortyNestedRepeatsOfTwoAreRefusedBeforeAnyIsUnrolled() {
        Layer nested = conv(4, 3);
        for (int i = 0; i < 40; i++) {
            nested = repeat("r" + i, 2, nested);
        }
        SpecException e = rejected(FeatureShape.of(3, 8, 8), nested);
        assertMentions(e, "r39:", "unrolls to 2,199,023,255,551 layers", "at most 200,000");
    }

    @Test
    void aPaddingWhoseOutputOverflowsAnAxisIsRefusedNotWrappedNegative() {
        assertMentions(rejected(FeatureShape.of(3, 8, 8), conv(4, 3).pad(1 << 30, 1).named("huge")), "huge:", "padding 1073741824",
                "output height of 2147483654");
        assertMentions(rejected(FeatureShape.of(3, 8, 8), conv(4, 3).pad(Integer.MAX_VALUE, 0).named("max")), "max:", "padding 2147483647");
    }

    @Test
    void namesWithNewlinesEscapesOrNulsAreRefusedAndNeverPrintedRaw() {
        for (String bad : List.of("evil\nincept: score 11/11", "\u001b[2J\u001b[31mred", "nul\u0000here", "rtl\u202egnp.exe")) {
            SpecException e = rejected(FeatureShape.of(3, 8, 8), block("outer", conv(4, 3).named(bad)));
            assertMentions(e, "outer:", "holds control characters");
            assertTrue(e.getMessage().chars().noneMatch(c -> c < 0x20 || c == 0x202e), e.getMessage());
            assertTrue(e.getMessage().contains("\\n") || e.getMessage().contains("\\u"), e.getMessage());
        }
        SpecException e = assertThrows(SpecException.class, () -> Network.builder("net\u001b]0;title\u0007").input(3, 8, 8).build());
        assertMentions(e, "network name 'net\\u001b]0;title\\u0007' holds control characters");
    }

    @Test
    void absurdNestingIsAnErrorNotAStackOverflow() {
        Layer deep = conv(3, 1);
        for (int i = 0; i < 50_000; i++) {
            deep = seq(deep);
        }
        Layer nested = deep;
        SpecException e = rejected(FeatureShape.of(3, 8, 8), nested);
        assertMentions(e, "nested more than");
        assertThrows(SpecException.class, () -> dev.incept.json.SpecJson.write(
                Network.builder("deep").input(3, 8, 8).add(nested).build()));
    }

    @Test
    void deepPathsNameEveryLevel() {
        Network net = Network.builder("t").input(3, 35, 35)
                .add(repeat("block35", 3, residual(0.17, concat(conv(32, 1), seq(conv(32, 1), conv(32, 3))))))
                .build();
        Analysis a = Analyzer.analyze(net);
        assertTrue(a.block("block35/2/body/branch1/conv3x3").isPresent());
        assertTrue(a.block("block35/3/project").isPresent());
        assertEquals("35x35x3", a.output().toString());
    }

    @Test
    void anAuxHeadFollowsATopLevelBlockOnlyAsTheCompiledNetworkTapsThoseAlone() {
        Network net = Network.builder("t").input(3, 17, 17)
                .add(concat("mixed", conv(8, 1), conv(8, 3)))
                .add(globalAvgPool(), dense(10))
                .aux("side", "mixed/branch0", 0.3, globalAvgPool(), dense(10))
                .build();
        SpecException e = assertThrows(SpecException.class, () -> Analyzer.analyze(net));
        assertEquals("aux/side", e.path());
        assertTrue(e.getMessage().contains("top-level blocks [mixed, global_avgpool, dense]"), e.getMessage());
    }

    @Test
    void anAuxHeadWithAnotherClassCountIsRefusedAtItsPath() {
        Network net = Network.builder("t").input(3, 17, 17)
                .block("stem", conv(8, 3))
                .add(globalAvgPool(), dense(10))
                .aux("side", "stem", 0.3, globalAvgPool(), dense(5))
                .build();
        SpecException e = assertThrows(SpecException.class, () -> Analyzer.analyze(net));
        assertEquals("aux/side", e.path());
        assertTrue(e.getMessage().contains("ends in 5 but the main head ends in 10"), e.getMessage());
    }

    @Test
    void anOutputTooLargeForOneTensorIsRefusedAtItsPath() {
        // 4 x 32768 x 32768 = 2^32 values for one example
        SpecException e = rejected(FeatureShape.of(1, 32768, 32768), conv(4, 3).named("wide"));
        assertEquals("wide", e.path());
        assertTrue(e.getMessage().contains("4294967296 values"), e.getMessage());
    }

    @Test
    void unnamedSiblingsOfTheSameKindGetDistinctNames() {
        Network net = Network.builder("t").input(3, 9, 9).add(conv(4, 3), conv(4, 3), conv(4, 3).named("conv3x3_2")).build();
        List<String> paths = Analyzer.analyze(net).blocks().stream().map(BlockReport::path).toList();
        assertEquals(List.of("conv3x3", "conv3x3_3", "conv3x3_2"), paths);
    }

    @Test
    void avgPoolSameKeepsTheGrid() {
        Network net = Network.builder("t").input(3, 35, 35).add(avgPool(3, 1).same()).build();
        assertEquals("35x35x3", Analyzer.analyze(net).output().toString());
    }
}
