package dev.incept.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
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

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private SpecJson() {
    }

    public static String write(Network network) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        if (!network.name().isEmpty()) {
            root.put("name", network.name());
        }
        root.set("input", LayerJson.ints(network.input().channels(), network.input().height(), network.input().width()));
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
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new SpecException("", "description file not found: " + file);
        } catch (IOException e) {
            throw new SpecException("", "cannot read description file " + file + ": " + e.getMessage(), e);
        }
        try {
            return read(text);
        } catch (SpecException e) {
            throw new SpecException(file + " " + e.path(), e.detail(), e);
        }
    }

    public static Network read(String text) {
        JsonNode root;
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
        r.allowOnly("format", "name", "input", "layers", "aux");
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
        return new Network(r.optText("name", ""), dev.incept.spec.Shape.of(dims[0], dims[1], dims[2]),
                LayerJson.readAll(r.required("layers")), aux);
    }
}
