package dev.incept.classroom.answer;

import dev.incept.classroom.notebook.JsonBounds;
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
 * the student's to choose, as any answer is; it carries no score, and the grader reads it only
 * within bounds of size, lines, nesting, tokens and time.
 */
public record HandedAnswers(Map<String, ObjectNode> byKey) {
    public static final long MAX_BYTES = 32L << 20;
    /** The longest answer line: a trained network's weights at their limit, in base64, with its description. */
    public static final int MAX_LINE_BYTES = 24 << 20;
    /** The most lines looked at: a notebook hands back one per answer a test reads. */
    public static final int MAX_LINES = 10_000;
    /**
     * The most JSON tokens one answer, and all of them together, may take: an array of 2^20 numbers
     * fits; a million empty objects (about 100 MB parsed) is the most the grading kernel's heap can be made to hold.
     */
    public static final long MAX_TOKENS = 1L << 21;
    /** The deepest nesting of an answer (a list of lists nests two levels a list). */
    public static final int MAX_DEPTH = 64;
    /** The longest the channel is read for, whatever it holds. */
    public static final long MAX_READ_SECONDS = 60;
    private static final JsonBounds LINE = new JsonBounds(MAX_DEPTH, MAX_TOKENS);
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

    /** The first line for each key, of the first MAX_BYTES of the file, within the bounds below; damaged lines count for nothing. */
    public static HandedAnswers read(Path channel) throws IOException {
        return read(channel, key -> true);
    }

    /**
     * The first line for each key {@code wanted} takes, read within bounds that hold whatever the
     * student wrote: {@link #MAX_BYTES} in all, {@link #MAX_LINES} lines looked at, each line at most
     * {@link #MAX_LINE_BYTES}, nested at most {@link #MAX_DEPTH} deep and {@link #MAX_TOKENS} JSON
     * tokens long, at most {@link #MAX_TOKENS} tokens kept in all, and {@link #MAX_READ_SECONDS} of
     * reading. What lies past a bound hands back nothing, so its test says "not handed back".
     */
    public static HandedAnswers read(Path channel, java.util.function.Predicate<String> wanted) throws IOException {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(channel, LinkOption.NOFOLLOW_LINKS)) {
            return new HandedAnswers(out);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(channel, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes((int) MAX_BYTES);
        }
        long deadline = System.nanoTime() + MAX_READ_SECONDS * 1_000_000_000L;
        long kept = 0;
        int looked = 0;
        for (int start = 0; start < bytes.length && looked < MAX_LINES && System.nanoTime() < deadline;) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            int from = start;
            start = end + 1;
            while (from < end && (bytes[from] == ' ' || bytes[from] == '\t' || bytes[from] == '\r')) {
                from++;
            }
            if (from == end) {
                continue;
            }
            looked++;
            // an answer line is one JSON object: anything else is passed over without parsing it
            if (bytes[from] != '{' || end - from > MAX_LINE_BYTES) {
                continue;
            }
            try {
                JsonBounds.Parsed p = LINE.read(bytes, from, end - from);
                if (p.tree() instanceof ObjectNode obj && obj.path("key").isTextual() && !out.containsKey(obj.path("key").asText())
                        && wanted.test(obj.path("key").asText()) && kept + p.tokens() <= MAX_TOKENS) {
                    kept += p.tokens();
                    out.put(obj.path("key").asText(), obj);
                }
            } catch (IOException | RuntimeException e) {
                // a damaged or oversized line hands back nothing
            }
        }
        return new HandedAnswers(out);
    }

    /** These answers as a channel file, one line each: what the grading kernel reads, nothing more. */
    public void write(Path file) throws IOException {
        StringBuilder sb = new StringBuilder();
        byKey.values().forEach(o -> sb.append(o).append('\n'));
        Files.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
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
