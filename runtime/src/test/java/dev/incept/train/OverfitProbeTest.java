package dev.incept.train;

import static dev.incept.spec.Layers.conv;
import static dev.incept.spec.Layers.dense;
import static dev.incept.spec.Layers.globalAvgPool;
import static dev.incept.spec.Layers.residual;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incept.data.Images;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import dev.incept.spec.Network;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OverfitProbeTest {
    private static final Images DATA = SyntheticImages.bars(64, 4, 16, 1);

    @ParameterizedTest
    @EnumSource(EngineChoice.class)
    void aSoundNetworkOverfitsOneBatchWithEveryParameterTrainedAuxHeadIncluded(EngineChoice engine) {
        OverfitProbe p = OverfitProbe.run(TinyNetwork.build(), DATA, 16, 40, 60, Engines.load(engine));
        assertTrue(p.finite());
        assertEquals(40, p.losses().size());
        assertTrue(p.withoutGradient().isEmpty(), p.withoutGradient().toString());
        assertTrue(p.lossRatio() < 0.5, "loss " + p.losses());
    }

    @ParameterizedTest
    @EnumSource(EngineChoice.class)
    void aBranchScaledToZeroIsNamedAsGettingNoGradient(EngineChoice engine) {
        Network dead = Network.builder("dead").input(1, 16, 16)
                .add(conv(8, 3).named("stem"), residual("res", 0.0, conv(8, 3).named("body")), globalAvgPool(), dense(4).named("logits"))
                .build();
        OverfitProbe p = OverfitProbe.run(dead, DATA, 16, 2, 60, Engines.load(engine));
        assertFalse(p.withoutGradient().isEmpty());
        assertTrue(p.withoutGradient().stream().allMatch(n -> n.contains("res")), p.withoutGradient().toString());
    }
}
