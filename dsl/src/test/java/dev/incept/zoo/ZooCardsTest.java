package dev.incept.zoo;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.incept.analysis.Analysis;
import dev.incept.analysis.Analyzer;
import dev.incept.analysis.BlockReport;
import dev.incept.spec.Network;
import dev.incept.spec.SpecException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every number on a zoo model's card is the analysis's: counts, classifier, minimum input, defaults. */
class ZooCardsTest {
    @Test
    void everyPublishedCountOnACardIsWhatTheAnalysisCounts() {
        List<Executable> checks = new ArrayList<>();
        for (Zoo.Model m : Zoo.models()) {
            for (Card.Reference r : m.card().references()) {
                checks.add(() -> assertEquals(r.params(), Analyzer.analyze(m.build(m.defaults().withAux(r.aux())), r.convention(), r.aux())
                        .params(), m.name() + " as " + r.source() + " counts it"));
            }
        }
        assertAll(checks);
    }

    @Test
    void aCardsDefaultsClassifierAndMinimumInputAreTheNetworksOwn() {
        List<Executable> checks = new ArrayList<>();
        for (Zoo.Model m : Zoo.models()) {
            Card c = m.card();
            checks.add(() -> {
                Network net = m.build(m.defaults());
                assertEquals(c.channels(), net.input().channels(), m.name());
                assertEquals(c.input(), net.input().height(), m.name());
                Analysis a = Analyzer.analyze(net);
                BlockReport classifier = a.block(c.classifier()).orElseThrow(() -> new AssertionError(m.name() + " has no " + c.classifier()));
                assertEquals(c.classes(), classifier.output().channels(), m.name());
                assertEquals(List.of(c.classes()), List.of(a.output().channels()), m.name());
                Analyzer.analyze(m.build(m.defaults().withInput(c.channels(), c.minimumInput())));
                if (c.minimumInput() > 1) {
                    assertThrows(SpecException.class, () -> Analyzer.analyze(m.build(m.defaults().withInput(c.channels(), c.minimumInput() - 1))),
                            m.name() + " analyses below its card's minimum input");
                }
            });
        }
        assertAll(checks);
    }

    @Test
    void theMinisAreBuiltForTheGreyTenClassImagesTheyAreFor() {
        for (String mini : List.of("inception-mini", "inception-mini-2x", "xception-mini", "inception-next-mini")) {
            ModelConfig d = Zoo.get(mini).defaults();
            assertEquals(List.of(10, 1, 28), List.of(d.classes(), d.channels(), d.inputSize()), mini);
        }
        assertEquals(848_298L, Analyzer.analyze(Zoo.get("inception-mini").build(Zoo.get("inception-mini").defaults())).params());
    }
}
