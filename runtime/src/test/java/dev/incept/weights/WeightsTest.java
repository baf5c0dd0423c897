package dev.incept.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incept.analysis.Analyzer;
import dev.incept.analysis.Convention;
import dev.incept.compile.Compiler;
import dev.incept.compile.NetworkBlock;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import dev.incept.spec.Network;
import dev.incept.zoo.ModelConfig;
import dev.incept.zoo.Zoo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading torchvision-named safetensors into googlenet-3x3: every tensor lands where its name says,
 * and every bad file is refused in one line with the network left as it was. (scripts/check/weights
 * proves the outputs against torchvision itself.)
 */
class WeightsTest {
    @TempDir
    Path dir;

    private static final int SIZE = 30;

    private static Network googlenet(int classes) {
        return Zoo.get("googlenet-3x3").build(new ModelConfig(classes, 3, SIZE, true, true));
    }

    /** A safetensors file holding, under torchvision's names, the values i + 0.5 * tensor index for tensor i. */
    private Path file(Network net, Consumer<Map<String, float[]>> edit, Map<String, long[]> shapes) throws IOException {
        List<PublishedNames.Name> names = PublishedNames.of(Analyzer.analyze(net, Convention.PYTORCH, true));
        Map<String, float[]> values = new LinkedHashMap<>();
        try (NDManager m = Engines.load(EngineChoice.MXNET).newBaseManager()) {
            NetworkBlock block = Compiler.compile(net);
            block.initialize(m, DataType.FLOAT32, new Shape(1, 3, SIZE, SIZE));
            int i = 0;
            for (Pair<String, Parameter> p : block.getParameters()) {
                String key = names.get(i).key();
                long[] shape = p.getValue().getArray().getShape().getShape();
                float[] v = new float[(int) p.getValue().getArray().size()];
                for (int k = 0; k < v.length; k++) {
                    v[k] = i + 0.001f * (k % 7);
                }
                values.put(key, v);
                shapes.put(key, shape);
                i++;
            }
        }
        edit.accept(values);
        return write(values, shapes);
    }

    private Path write(Map<String, float[]> values, Map<String, long[]> shapes) throws IOException {
        ObjectNode header = new ObjectMapper().createObjectNode();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (Map.Entry<String, float[]> e : values.entrySet()) {
            ByteBuffer b = ByteBuffer.allocate(4 * e.getValue().length).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(e.getValue());
            ObjectNode t = header.putObject(e.getKey());
            t.put("dtype", "F32");
            var shape = t.putArray("shape");
            for (long d : shapes.getOrDefault(e.getKey(), new long[] {e.getValue().length})) {
                shape.add(d);
            }
            t.putArray("data_offsets").add(data.size()).add(data.size() + b.capacity());
            data.write(b.array());
        }
        byte[] h = header.toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length);
        Path f = Files.createTempFile(dir, "w", ".safetensors");
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(len.array());
        all.write(h);
        all.write(data.toByteArray());
        Files.write(f, all.toByteArray());
        return f;
    }

    /** A load into a fresh googlenet-3x3: its parameters' values before and after, and what the load said. */
    private record Outcome(List<float[]> before, List<float[]> after, Weights.LoadReport loaded, WeightsException error) {
        void leftTheNetworkAsItWas() {
            for (int i = 0; i < before.size(); i++) {
                assertArrayEquals(before.get(i), after.get(i), "parameter " + i + " was changed by a refused load");
            }
        }
    }

    private static Outcome load(Path f, int classes) {
        return load(f, googlenet(classes));
    }

    private static Outcome load(Path f, Network net) {
        try (NDManager m = Engines.load(EngineChoice.MXNET).newBaseManager()) {
            NetworkBlock block = Compiler.compile(net);
            block.initialize(m, DataType.FLOAT32, new Shape(1, 3, SIZE, SIZE));
            List<float[]> before = new ArrayList<>();
            block.getParameters().forEach(p -> before.add(p.getValue().getArray().toFloatArray()));
            Weights.LoadReport loaded = null;
            WeightsException error = null;
            try {
                loaded = Weights.load(block, net, f);
            } catch (WeightsException e) {
                error = e;
            }
            List<float[]> after = new ArrayList<>();
            block.getParameters().forEach(p -> after.add(p.getValue().getArray().toFloatArray()));
            return new Outcome(before, after, loaded, error);
        }
    }

    private static String refusal(Outcome o) {
        assertTrue(o.error() != null, "the load was refused");
        o.leftTheNetworkAsItWas();
        assertEquals(1, o.error().getMessage().lines().count(), "one line");
        return o.error().getMessage();
    }

    @Test
    void everyTensorLandsOnTheParameterItsNameMeans() throws IOException {
        Map<String, float[]> written = new LinkedHashMap<>();
        Outcome o = load(file(googlenet(10), written::putAll, new LinkedHashMap<>()), 10);
        assertEquals(written.size(), o.loaded().tensors());
        List<float[]> expected = new ArrayList<>(written.values());
        for (int i = 0; i < o.after().size(); i++) {
            assertArrayEquals(expected.get(i), o.after().get(i), "parameter " + i);
        }
    }

    @Test
    void aLegacyTorchSavePickleIsNamedAsOneNotAsABadSafetensorsFile() throws IOException {
        // how torch.save(..., _use_new_zipfile_serialization=False) starts: PROTO 2, then LONG1 (the magic number)
        Path f = Files.write(dir.resolve("legacy.pth"), new byte[] {(byte) 0x80, 0x02, (byte) 0x8a, 0x0a, 0x6c, (byte) 0xfc, (byte) 0x9c, 0x46, (byte) 0xf9,
                0x20, 0x6a, (byte) 0xa8, 0x50, 0x19, 0x2e});
        String m = refusal(load(f, 10));
        assertTrue(m.contains("a bare pickle") && m.contains("before PyTorch 1.6") && !m.contains("safetensors file"), m);
    }

    @Test
    void aShapeEntryThatIsNotANumberIsNamedSo() throws IOException {
        byte[] h = "{\"t\":{\"dtype\":\"F32\",\"shape\":[\"x\"],\"data_offsets\":[0,4]}}".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).array());
        all.write(h);
        all.write(new byte[4]);
        Path f = Files.write(dir.resolve("x.safetensors"), all.toByteArray());
        WeightsException e = org.junit.jupiter.api.Assertions.assertThrows(WeightsException.class, () -> SafeTensors.read(f));
        assertTrue(e.getMessage().contains("tensor t has a dimension that is not a whole number: \"x\""), e.getMessage());
    }

    @Test
    void aTruncatedFileIsRefusedInOneLine() throws IOException {
        Path f = file(googlenet(10), v -> { }, new LinkedHashMap<>());
        byte[] all = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(all, all.length / 2));
        assertTrue(refusal(load(f, 10)).contains("truncated"));
    }

    @Test
    void aMissingTensorIsNamedWithThePathItWasFor() throws IOException {
        Path f = file(googlenet(10), v -> v.remove("inception4a.branch2.1.conv.weight"), new LinkedHashMap<>());
        String why = refusal(load(f, 10));
        assertTrue(why.contains("inception4a.branch2.1.conv.weight is missing (for 4a/branch1/conv3x3"), why);
    }

    @Test
    void anUnexpectedTensorIsRefused() throws IOException {
        Path f = file(googlenet(10), v -> v.put("layer9.weight", new float[3]), new LinkedHashMap<>());
        String why = refusal(load(f, 10));
        assertTrue(why.contains("unexpected tensor layer9.weight [3]") && why.endsWith("nothing was loaded"), why);
    }

    @Test
    void aTensorOfTheWrongShapeIsNamedWithTheShapeItNeeds() throws IOException {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        Map<String, float[]> values = new LinkedHashMap<>();
        file(googlenet(10), values::putAll, shapes);
        shapes.put("conv2.conv.weight", new long[] {64, 64, 1, 1, 1});
        String why = refusal(load(write(values, shapes), 10));
        assertTrue(why.contains("tensor conv2.conv.weight has shape [64, 64, 1, 1, 1] but stem/conv1x1 needs [64, 64, 1, 1]"), why);
    }

    @Test
    void anotherClassCountLoadsEverythingButTheClassifiers() throws IOException {
        Outcome o = load(file(googlenet(1000), v -> { }, new LinkedHashMap<>()), 10);
        assertEquals(List.of("fc.weight", "fc.bias", "aux1.fc2.weight", "aux1.fc2.bias", "aux2.fc2.weight", "aux2.fc2.bias"),
                o.loaded().classifierKept());
    }

    @Test
    void aNetworkBuiltWithoutAuxHeadsLeavesTheFilesAuxTensorsOut() throws IOException {
        Network plain = Zoo.get("googlenet-3x3").build(new ModelConfig(10, 3, SIZE, false, true));
        Outcome o = load(file(googlenet(10), v -> { }, new LinkedHashMap<>()), plain);
        assertEquals(null, o.error());
        assertTrue(o.loaded().auxSkipped().contains("aux1.conv.conv.weight") && o.loaded().auxSkipped().contains("aux2.fc2.bias"),
                o.loaded().auxSkipped().toString());
        assertEquals(List.of(), o.loaded().classifierKept());
    }

    @Test
    void aDamagedTorchSaveFileIsRefusedInOneLine() throws IOException {
        Path f = dir.resolve("model.pth");
        Files.write(f, new byte[] {'P', 'K', 3, 4, 0, 0});
        assertTrue(refusal(load(f, 10)).contains("torch.save"));
    }
}
