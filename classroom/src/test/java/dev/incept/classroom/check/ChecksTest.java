package dev.incept.classroom.check;

import static dev.incept.spec.Layers.concat;
import static dev.incept.spec.Layers.conv;
import static dev.incept.spec.Layers.dense;
import static dev.incept.spec.Layers.globalAvgPool;
import static dev.incept.spec.Layers.maxPool;
import static dev.incept.spec.Layers.seq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incept.spec.Layer;
import dev.incept.spec.Network;
import dev.incept.zoo.GoogLeNet;
import org.junit.jupiter.api.Test;

class ChecksTest {

    private static Network around(Layer block) {
        return Network.builder("n").input(192, 28, 28).add(block).add(globalAvgPool(), dense(10)).build();
    }

    @Test
    void aCheckEarnsAllOrNothingAndSaysWhy() {
        assertEquals(2.0, Checks.check("true", 2.0, () -> true).score());
        CheckResult no = Checks.check("false", 2.0, () -> false);
        assertEquals(0.0, no.score());
        assertEquals("the condition is false", no.message());
        CheckResult threw = Checks.check("throws", 2.0, () -> {
            throw new IllegalStateException("boom");
        });
        assertEquals("it threw IllegalStateException: boom", threw.message());
    }

    @Test
    void anArchitectureCheckSplitsItsPointsAndNamesWhereTheNetworksPart() {
        Network reference = around(GoogLeNet.inception("3a", 64, 96, 128, 16, 32, 32, 5));
        Network noBottleneck = around(concat("3a", conv(64, 1), seq(conv(96, 1), conv(128, 3)), conv(32, 5),
                seq(maxPool(3, 1).same(), conv(32, 1))));
        CheckResult r = Checks.architecture("3a", 4.0, noBottleneck, reference);
        assertEquals(1.0, r.score(), "only the output shape is right");
        assertTrue(r.message().contains("3a/branch2: a 5x5 conv 192->32 without the 1x1 bottleneck"), r.message());
        assertEquals(4.0, Checks.architecture("3a", 4.0, reference, reference).score());
        CheckResult broken = Checks.architecture("3a", 4.0, around(conv(0, 3)), reference);
        assertEquals(0.0, broken.score());
        assertTrue(broken.message().startsWith("the network does not analyse"), broken.message());
    }
    @Test
    void aCheckInPartsEarnsEachPartsShareAndSaysWhichWereLost() {
        CheckResult r = Checks.parts("trains", 3.0, java.util.List.of(new Part(1.0 / 3, 1, "never shown"),
                new Part(1.0 / 3, 0, "2 of 10 trained parameters got no gradient"), new Part(1.0 / 3, 0.5, "the loss fell to 80%")));
        assertEquals(1.5, r.score(), 1e-12);
        assertEquals("2 of 10 trained parameters got no gradient; the loss fell to 80%", r.message());
    }
}
