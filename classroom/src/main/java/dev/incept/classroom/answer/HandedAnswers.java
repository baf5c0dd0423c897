package dev.incept.classroom.answer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The narrow channel from a student's sandbox to the grader: one JSON line per answer, appended
 * by the sandboxed kernel and read by the grader once that kernel has ended. What a line says is
 * the student's to choose, as any answer is; it carries no score, and the grader reads at most
 * {@link #MAX_BYTES} of it.
 */
public record HandedAnswers(Map<String, ObjectNode> byKey) {
    public static final long MAX_BYTES = 32L << 20;
    /** The environment variable that names the channel file inside the sandbox. */
    public static final String ENV = "INCEPT_ANSWERS";

    public HandedAnswers {
        byKey = Map.copyOf(byKey);
    }

    /** Evaluates {@code value} and appends it, or why it is not an answer, under {@code key}. */
    public static void hand(Path channel, String key, Supplier<Object> value) throws IOException {
        ObjectNode line;
        try {
            line = AnswerCodec.encode(value.get());
        } catch (IllegalArgumentException | dev.incept.failure.InceptException e) {
            line = AnswerCodec.JSON.createObjectNode().put("error", e.getMessage());
        } catch (Throwable t) {
            // The Kotlin REPL leaves a val whose cell threw unset; reading it fails inside the REPL's own classes.
            boolean unset = t instanceof NullPointerException && String.valueOf(t.getMessage()).contains("earlierScripts");
            line = AnswerCodec.JSON.createObjectNode().put("error", unset ? "it was never set (the cell that defines it failed)"
                    : "it threw " + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()));
        }
        line.put("key", key);
        Files.write(channel, (line + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The first line for each key, of the first MAX_BYTES of the file; damaged lines count for nothing. */
    public static HandedAnswers read(Path channel) throws IOException {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(channel, LinkOption.NOFOLLOW_LINKS)) {
            return new HandedAnswers(out);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(channel, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes((int) MAX_BYTES);
        }
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            try {
                JsonNode o = AnswerCodec.JSON.readTree(line);
                if (o instanceof ObjectNode obj && obj.path("key").isTextual()) {
                    out.putIfAbsent(obj.path("key").asText(), obj);
                }
            } catch (IOException | RuntimeException e) {
                // a damaged line hands back nothing
            }
        }
        return new HandedAnswers(out);
    }

    public Optional<ObjectNode> get(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** The value handed under {@code key}; an IllegalStateException says why there is none. */
    public Object value(String key) {
        ObjectNode o = byKey.get(key);
        if (o == null) {
            throw new IllegalStateException("no answer was handed back for " + key);
        }
        if (o.has("error")) {
            throw new IllegalStateException(o.path("error").asText());
        }
        return AnswerCodec.decode(o);
    }
}
