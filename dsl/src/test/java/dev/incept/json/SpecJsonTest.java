package dev.incept.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incept.spec.Network;
import dev.incept.spec.SpecException;
import dev.incept.zoo.Zoo;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecJsonTest {

    @Test
    void everyZooModelRoundTripsExactly() {
        for (Zoo.Model m : Zoo.models()) {
            Network net = m.build(m.defaults().withAux(true));
            assertEquals(net, SpecJson.read(SpecJson.write(net)), m.name());
        }
    }

    @Test
    void aFileThatStartsWithAUtf8ByteOrderMarkReadsAsWithout(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Network net = dev.incept.zoo.Zoo.get("inception-mini").build(dev.incept.zoo.Zoo.get("inception-mini").defaults());
        java.nio.file.Path file = dir.resolve("bom.json");
        byte[] body = SpecJson.write(net).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] withMark = new byte[body.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withMark, 3, body.length);
        java.nio.file.Files.write(file, withMark);
        assertEquals(net, SpecJson.read(file));
    }

    @Test
    void handWrittenFilesMayLeaveOutDefaults() {
        Network net = SpecJson.read("""
                {"name": "tiny", "input": [1, 28, 28], "layers": [
                  {"type": "conv", "filters": 16, "kernel": 3},
                  {"type": "concat", "branches": [
                     {"type": "conv", "filters": 8, "kernel": [1, 7]},
                     {"type": "pool", "kind": "max", "kernel": 3, "stride": 1, "padding": "same"}]},
                  {"type": "globalpool"}, {"type": "dense", "units": 10}]}""");
        assertEquals(4, net.layers().size());
        assertEquals(net, SpecJson.read(SpecJson.write(net)));
    }

    @Test
    void syntaxErrorsGiveLineAndColumn() {
        SpecException e = assertThrows(SpecException.class, () -> SpecJson.read("{\"input\": [1, 2, 3],\n \"layers\": [,]}"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void semanticErrorsGiveTheJsonPath() {
        SpecException e = assertThrows(SpecException.class, () -> SpecJson.read("""
                {"input": [1, 28, 28], "layers": [{"type": "concat", "branches": [
                  {"type": "conv", "filters": 8, "kernel": [1, 7]}, {"type": "conv", "filter": 8, "kernel": 3}]}]}"""));
        assertTrue(e.getMessage().startsWith("$.layers[0].branches[1].filter"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown field"), e.getMessage());
    }

    @Test
    void wrongTypesAndUnknownValuesAreNamed() {
        assertTrue(assertThrows(SpecException.class, () -> SpecJson.read(
                "{\"input\": [1, 28, 28], \"layers\": [{\"type\": \"conv\", \"filters\": 8.5, \"kernel\": 3}]}"))
                .getMessage().contains("$.layers[0].filters: expected an integer"));
        assertTrue(assertThrows(SpecException.class, () -> SpecJson.read(
                "{\"input\": [1, 28, 28], \"layers\": [{\"type\": \"convolution\"}]}"))
                .getMessage().contains("unknown layer type 'convolution'"));
        assertTrue(assertThrows(SpecException.class, () -> SpecJson.read(
                "{\"input\": [1, 28], \"layers\": []}")).getMessage().startsWith("$.input"));
        assertTrue(assertThrows(SpecException.class, () -> SpecJson.read(
                "{\"input\": [1, 28, 28], \"layers\": [{\"type\": \"conv\", \"filters\": 8, \"kernel\": 3, \"activation\": \"swish\"}]}"))
                .getMessage().contains("\"swish\""));
    }

    @Test
    void aMissingFileIsAClearError(@TempDir Path dir) {
        SpecException e = assertThrows(SpecException.class, () -> SpecJson.read(dir.resolve("nope.json")));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void filesRoundTripAndErrorsNameTheFile(@TempDir Path dir) throws Exception {
        Zoo.Model m = Zoo.get("inception-resnet-v2");
        Network net = m.build(m.defaults());
        Path f = dir.resolve("irv2.json");
        SpecJson.write(net, f);
        assertEquals(net, SpecJson.read(f));
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"input\": [1, 28, 28], \"layers\": [{\"type\": \"dense\"}]}");
        SpecException e = assertThrows(SpecException.class, () -> SpecJson.read(bad));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("units"), e.getMessage());
    }

    @Test
    void aDescriptionFileIsExactlyOneJsonDocumentOfBoundedSizeInUtf8(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        String one = SpecJson.write(dev.incept.spec.Network.builder("one").input(1, 8, 8)
                .add(dev.incept.spec.Layers.globalAvgPool(), dev.incept.spec.Layers.dense(2)).build());
        java.nio.file.Path twice = java.nio.file.Files.writeString(dir.resolve("twice.json"), one + one);
        SpecException trailing = org.junit.jupiter.api.Assertions.assertThrows(SpecException.class, () -> SpecJson.read(twice));
        org.junit.jupiter.api.Assertions.assertTrue(trailing.getMessage().contains("malformed JSON"), trailing.getMessage());

        java.nio.file.Path latin1 = java.nio.file.Files.write(dir.resolve("latin1.json"),
                one.replace("\"one\"", "\"caf\u00e9\"").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        SpecException encoding = org.junit.jupiter.api.Assertions.assertThrows(SpecException.class, () -> SpecJson.read(latin1));
        org.junit.jupiter.api.Assertions.assertTrue(encoding.getMessage().contains("is not UTF-8 text"), encoding.getMessage());

        java.nio.file.Path huge = dir.resolve("huge.json");
        try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(huge)) {
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i <= SpecJson.MAX_BYTES >> 20; i++) {
                out.write(spaces);
            }
        }
        SpecException size = org.junit.jupiter.api.Assertions.assertThrows(SpecException.class, () -> SpecJson.read(huge));
        org.junit.jupiter.api.Assertions.assertTrue(size.getMessage().contains("larger than 16 MiB"), size.getMessage());

        SpecException endless = org.junit.jupiter.api.Assertions.assertThrows(SpecException.class,
                () -> SpecJson.read(java.nio.file.Path.of("/dev/zero")));
        org.junit.jupiter.api.Assertions.assertTrue(endless.getMessage().contains("larger than"), endless.getMessage());
    }

    @Test
    void noActivationIsLinearEverywhereAndOldFilesSayingNoneStillRead() {
        dev.incept.spec.Network net = dev.incept.spec.Network.builder("lin").input(1, 8, 8)
                .add(dev.incept.spec.Layers.conv(4, 3).linear(), dev.incept.spec.Layers.globalAvgPool(), dev.incept.spec.Layers.dense(2))
                .build();
        String json = SpecJson.write(net);
        org.junit.jupiter.api.Assertions.assertTrue(json.contains("\"activation\" : \"linear\""), json);
        org.junit.jupiter.api.Assertions.assertEquals(net, SpecJson.read(json.replace("\"linear\"", "\"none\"")));
    }
}
