package dev.incept.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepSpecTest {
    @TempDir
    Path dir;

    private SweepSpec read(String json) throws IOException {
        Path f = dir.resolve("s.json");
        Files.writeString(f, json);
        return SweepJson.read(f);
    }

    @Test
    void aGridIsEveryCombinationWithTheLastAxisVaryingFastest() throws IOException {
        SweepSpec s = read("""
                {"name": "g", "base": {"model": "inception-mini", "epochs": 2},
                 "grid": {"label-smoothing": [0, 0.1], "seed": [1, 2, 3]}}""");
        List<SweepPoint> points = s.expand();
        assertEquals(6, points.size());
        assertEquals("p01-label-smoothing-0-seed-1", points.get(0).id());
        assertEquals("p06-label-smoothing-0.1-seed-3", points.get(5).id());
        assertEquals(List.of("inception-mini", "--epochs", "2", "--label-smoothing", "0.1", "--seed", "2"), points.get(4).trainArgs());
    }

    @Test
    void listedPointsAreCrossedWithTheGridAndVariantsBringTheirSettings() throws IOException {
        SweepSpec s = read("""
                {"name": "v", "base": {"epochs": 1, "aux": false},
                 "variants": {"plain": {"model": "inception-mini"}, "wide": {"model": "inception-mini-2x", "aux": true}},
                 "points": [{"variant": "plain"}, {"variant": "wide"}],
                 "grid": {"seed": [7, 8]}}""");
        List<SweepPoint> points = s.expand();
        assertEquals(4, points.size());
        SweepPoint wide = points.get(3);
        assertEquals("p04-variant-wide-seed-8", wide.id());
        assertEquals("wide", wide.settings().get("variant"));
        assertEquals(List.of("inception-mini-2x", "--epochs", "1", "--aux", "--seed", "8"), wide.trainArgs());
        assertEquals(List.of("inception-mini", "--epochs", "1", "--seed", "7"), points.get(0).trainArgs());
        assertEquals(Map.of("variant", "wide", "epochs", "1", "aux", "true", "model", "inception-mini-2x"), wide.withoutSeed());
    }

    @Test
    void aBadSweepFileIsRefusedInOneLineNamingWhatIsWrong() throws IOException {
        assertEquals("the sweep varies nothing (give a grid, points, or both)",
                assertThrows(SweepException.class, () -> read("{\"name\": \"n\", \"base\": {}}")).getMessage().split(": ", 2)[1]);
        assertTrue(assertThrows(SweepException.class, () -> read("{\"name\": \"n\", \"grid\": {\"seed\": 3}}"))
                .getMessage().endsWith("grid.seed must be a list of values"));
        assertTrue(assertThrows(SweepException.class, () -> read("{\"name\": \"n\", \"grdi\": {}}"))
                .getMessage().contains("unknown field 'grdi'"));
        assertTrue(assertThrows(SweepException.class, () -> read("{\"name\": \"n\", \"grid\": {\"variant\": [\"x\"]}}").expand())
                .getMessage().startsWith("variant 'x' is not among the sweep's variants"));
        assertTrue(assertThrows(SweepException.class, () -> read("{\"name\": \"a b\", \"grid\": {\"seed\": [1]}}"))
                .getMessage().startsWith("a sweep needs a name"));
        assertTrue(assertThrows(SweepException.class, () -> read("{\"name\": ")).getMessage().contains("cannot read the sweep file"));
    }

    @Test
    void aGridLargerThanASweepMayBeIsRefusedBeforeItIsExpanded() throws IOException {
        String thousand = java.util.stream.IntStream.range(0, 1000).mapToObj(Integer::toString).collect(java.util.stream.Collectors.joining(","));
        SweepException e = assertThrows(SweepException.class, () -> read("{\"name\": \"big\", \"grid\": {\"seed\": [" + thousand
                + "], \"epochs\": [" + thousand + "], \"batch\": [" + thousand + "], \"lr\": [" + thousand + "]}}"));
        assertTrue(e.getMessage().endsWith("the sweep has too many points, more than 10,000; split it into several sweeps"), e.getMessage());
        e = assertThrows(SweepException.class, () -> read("{\"name\": \"big\", \"grid\": {\"seed\": [" + thousand + "], \"epochs\": [1,2,3,4,5,6,7,8,9,10,11]}}"));
        assertTrue(e.getMessage().endsWith("the sweep has 11,000 points, more than 10,000; split it into several sweeps"), e.getMessage());
    }

    @Test
    void aSweepFileThatIsADeviceOrAFolderSaysWhatItIs() {
        assertEquals("/dev/null: a device, pipe or other special file, not a sweep file (incept-sweep/1 JSON)",
                assertThrows(SweepException.class, () -> SweepJson.read(Path.of("/dev/null"))).getMessage());
        assertEquals(dir + ": a folder, not a sweep file (incept-sweep/1 JSON)", assertThrows(SweepException.class, () -> SweepJson.read(dir)).getMessage());
        assertEquals(dir.resolve("none.json") + ": no such sweep file", assertThrows(SweepException.class, () -> SweepJson.read(dir.resolve("none.json"))).getMessage());
    }

    @Test
    void aSweepBuiltInCodeIsTheSameAsTheFileThatSaysTheSame() throws IOException {
        SweepSpec fromFile = read("""
                {"name": "same", "base": {"model": "inception-mini", "epochs": 2},
                 "variants": {"wide": {"model": "inception-mini-2x"}},
                 "points": [{"optimizer": "sgd"}], "grid": {"variant": ["wide"], "seed": [1, 2]}}""");
        SweepSpec built = SweepSpec.named("same").base("model", "inception-mini").base("epochs", 2)
                .variant("wide", "model", "inception-mini-2x").point("optimizer", "sgd").grid("variant", "wide").grid("seed", 1, 2).build();
        assertEquals(fromFile, built);
        assertEquals(fromFile.expand(), built.expand());
    }
}
