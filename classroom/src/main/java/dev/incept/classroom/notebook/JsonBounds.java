package dev.incept.classroom.notebook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * What a JSON document someone else wrote may cost before it is trusted: its nesting and its
 * count of tokens (so of nodes once parsed), both enforced by Jackson while it parses, so a file
 * of millions of empty objects is refused before it fills the heap with them.
 */
public final class JsonBounds {
    /** Refused for what it would cost: the document is nested or sized past these bounds. */
    public static final class Exceeded extends IOException {
        Exceeded(String message) {
            super(message);
        }
    }

    /** A parsed document and the tokens it took. */
    public record Parsed(JsonNode tree, long tokens) {
    }

    private final int depth;
    private final long tokens;
    private final ObjectMapper json;

    /** At most {@code depth} levels of arrays and objects, and {@code tokens} JSON tokens in one document. */
    public JsonBounds(int depth, long tokens) {
        this.depth = depth;
        this.tokens = tokens;
        this.json = new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(depth).maxTokenCount(tokens).build()).build());
    }

    /** The tree of {@code bytes[offset, offset + length)}; Exceeded if it is past these bounds. */
    public Parsed read(byte[] bytes, int offset, int length) throws IOException {
        try (JsonParser p = json.getFactory().createParser(bytes, offset, length)) {
            JsonNode tree = json.readTree(p);
            return new Parsed(tree, p.currentTokenCount());
        } catch (StreamConstraintsException e) {
            String m = String.valueOf(e.getMessage());
            throw new Exceeded(m.contains("nesting depth") ? "nested deeper than " + depth + " levels"
                    : m.contains("Token count") ? "longer than " + String.format(java.util.Locale.ROOT, "%,d", tokens) + " JSON tokens"
                    : "sized past what it may hold (" + m.lines().findFirst().orElse("") + ")");
        }
    }
}
