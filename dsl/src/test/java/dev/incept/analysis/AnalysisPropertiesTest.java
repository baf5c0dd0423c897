package dev.incept.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incept.json.SpecJson;
import dev.incept.spec.Network;
import dev.incept.spec.RandomDescriptions;
import dev.incept.spec.FeatureShape;
import dev.incept.spec.SpecException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Thousands of random descriptions: analysis is total, consistent, and JSON is lossless. */
class AnalysisPropertiesTest {

    @Provide
    Arbitrary<Network> networks() {
        return Arbitraries.randomValue(r -> new RandomDescriptions(new Random(r.nextLong()), r.nextBoolean()).network());
    }

    @Property(tries = 3000)
    void analysisEitherSucceedsOrThrowsOnlyTheDslException(@ForAll("networks") Network net) {
        boolean valid;
        try {
            Analyzer.analyze(net, Convention.KERAS, true);
            valid = true;
        } catch (SpecException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
            valid = false;
        }
        Statistics.label("valid").collect(valid);
        Statistics.label("valid").coverage(c -> {
            c.check(true).percentage(p -> p > 15);
            c.check(false).percentage(p -> p > 15);
        });
    }

    @Property(tries = 3000)
    void validDescriptionsHaveConsistentShapesAndCounts(@ForAll("networks") Network net) {
        Analysis a;
        try {
            a = Analyzer.analyze(net, Convention.KERAS, false);
        } catch (SpecException e) {
            return;
        }
        List<BlockReport> top = a.blocksAtDepth(0).stream().filter(b -> !b.path().startsWith("aux/")).toList();
        FeatureShape expected = net.input();
        long params = 0;
        long macs = 0;
        for (BlockReport b : top) {
            assertEquals(expected, b.input(), b.path());
            expected = b.output();
            params += b.params();
            macs += b.macs();
        }
        assertEquals(expected, a.output());
        assertEquals(params, a.params());
        assertEquals(macs, a.macs());
        Map<String, List<BlockReport>> children = new HashMap<>();
        for (BlockReport b : a.blocks()) {
            assertTrue(b.params() >= 0 && b.macs() >= 0 && b.trainableParams() <= b.params(), b.path());
            assertTrue(b.output().channels() > 0 && b.output().height() > 0 && b.output().width() > 0, b.path());
            int slash = b.path().lastIndexOf('/');
            if (slash > 0) {
                children.computeIfAbsent(b.path().substring(0, slash), k -> new java.util.ArrayList<>()).add(b);
            }
        }
        for (BlockReport b : a.blocks()) {
            if (b.kind().startsWith("concat")) {
                int sum = children.get(b.path()).stream().mapToInt(c -> c.output().channels()).sum();
                assertEquals(b.output().channels(), sum, b.path());
            }
            if (b.kind().startsWith("residual")) {
                // the sum has the input's shape, or the shortcut's (the last child) where there is one
                List<BlockReport> parts = children.get(b.path());
                assertEquals(b.kind().contains("shortcut") ? parts.get(parts.size() - 1).output() : b.input(), b.output(), b.path());
            }
        }
    }

    @Property(tries = 3000)
    void jsonRoundTripsAreExact(@ForAll("networks") Network net) {
        assertEquals(net, SpecJson.read(SpecJson.write(net)));
    }
}
