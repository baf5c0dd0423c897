package dev.incept.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.incept.spec.AuxHead;
import dev.incept.spec.Network;
import dev.incept.spec.SpecException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Networks to and from JSON ("incept/1"). Writing is total and reading it back gives an equal
 * network. Reading is strict (unknown fields are errors, to catch typos) but lets hand-written
 * files leave out defaults. Every error is a {@link SpecException} whose path is a JSON path such as
 * {@code $.layers[3].branches[1].kernel}, or the line and column for a syntax error.
 */
public final class SpecJson {
    public static final String FORMAT = "incept/1";

    /** The largest description file read: the zoo's largest network writes about 200 KB. */
    public static final int MAX_BYTES = 16 << 20;

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private SpecJson() {
    }

    /** The "type" name of each kind of layer in the JSON form. */
    public static java.util.Map<Class<? extends dev.incept.spec.Layer>, String> layerTypes() {
        java.util.Map<Class<? extends dev.incept.spec.Layer>, String> out = new java.util.LinkedHashMap<>();
        dev.incept.spec.LayerType.all().forEach(k -> out.put(k.javaType(), k.type()));
        return out;
    }

    public static String write(Network network) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        if (!network.name().isEmpty()) {
            root.put("name", network.name());
        }
        root.set("input", LayerJson.ints(network.input().channels(), network.input().height(), network.input().width()));
        if (network.init() != dev.incept.spec.WeightInit.HE_NORMAL) {
            root.put("init", network.init().jsonName());
        }
        root.set("layers", LayerJson.writeAll(network.layers()));
        if (!network.auxHeads().isEmpty()) {
            ArrayNode aux = root.putArray("aux");
            for (AuxHead head : network.auxHeads()) {
                ObjectNode h = aux.addObject();
                if (!head.name().isEmpty()) {
                    h.put("name", head.name());
                }
                h.put("after", head.after());
                h.put("lossWeight", head.lossWeight());
                h.set("layers", LayerJson.writeAll(head.layers()));
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree failed to serialise", e);
        }
    }

    public static void write(Network network, Path file) throws IOException {
        Files.writeString(file, write(network));
    }

    public static Network read(Path file) {
        byte[] bytes;
        // Bounded, so that a huge file, a device or a pipe that never ends is refused, not an OutOfMemoryError.
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new SpecException("", "description file not found: " + file);
        } catch (IOException e) {
            throw new SpecException("", "cannot read description file " + file + ": " + e.getMessage(), e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new SpecException("", "description file " + file + " is larger than " + (MAX_BYTES >> 20)
                    + " MiB; a description is a few hundred KB at most");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new SpecException("", "description file " + file + " is not UTF-8 text");
        }
        try {
            return read(text);
        } catch (SpecException e) {
            throw new SpecException(file + " " + e.path(), e.detail(), e);
        }
    }

    public static Network read(String text) {
        JsonNode root;
        // Editors on Windows start UTF-8 files with a byte-order mark; it is not JSON, and not content either.
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new SpecException(where, "malformed JSON: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new SpecException("$", "the description is empty");
        }
        Node r = new Node(root, "$");
        r.allowOnly("format", "name", "input", "init", "layers", "aux");
        String format = r.optText("format", FORMAT);
        if (!FORMAT.equals(format)) {
            throw new SpecException("$.format", "unsupported format '" + format + "' (this version reads " + FORMAT + ")");
        }
        Node input = r.required("input");
        int[] dims = input.intArray(3);
        List<AuxHead> aux = new ArrayList<>();
        Node auxNode = r.optional("aux");
        if (auxNode != null) {
            for (Node h : auxNode.elements()) {
                h.allowOnly("name", "after", "lossWeight", "layers");
                aux.add(new AuxHead(h.optText("name", ""), h.requiredText("after"),
                        LayerJson.readAll(h.required("layers")), h.optDouble("lossWeight", 0.3)));
            }
        }
        return new Network(r.optText("name", ""), dev.incept.spec.FeatureShape.of(dims[0], dims[1], dims[2]),
                LayerJson.readAll(r.required("layers")), aux,
                r.optional("init") == null ? dev.incept.spec.WeightInit.HE_NORMAL : LayerJson.enumValue(r.required("init"), dev.incept.spec.WeightInit.class));
    }
}
