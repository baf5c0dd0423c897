package dev.incept.classroom.notebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes .ipynb files. Cell sources become lines without their line breaks; cells
 * without an id (nbformat before 4.5) get one from their position, since grading finds cells by id.
 */
public final class NotebookFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** A notebook bigger than this is refused before it is parsed: it is not an assignment. */
    public static final long MAX_BYTES = 64L << 20;
    /** The most cells, outputs and attachments a notebook may hold: a course's longest has a few hundred cells. */
    public static final int MAX_CELLS = 10_000;
    public static final int MAX_OUTPUTS = 100_000;
    public static final int MAX_ATTACHMENTS = 1_000;
    /** Nesting and JSON tokens: a notebook's text and pictures are long strings, a handful of tokens each. */
    static final JsonBounds BOUNDS = new JsonBounds(128, 4_000_000);

    private NotebookFile() {
    }

    public static Notebook read(Path file) {
        return readBounded(file, file.toString());
    }

    /**
     * A notebook someone else handed in (a student's submission, or a file a sandboxed run wrote):
     * only a regular file, never through a link, since a submission that links to the autograder's
     * instructor notebook, or to a classmate's, would be graded as that file.
     */
    public static Notebook readHandedIn(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try {
            BasicFileAttributes at = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (at.isSymbolicLink()) {
                throw new NotebookException(name + ": a symbolic link, not a notebook (hand in the notebook file itself)");
            }
            if (!at.isRegularFile()) {
                throw new NotebookException(name + ": not a regular file (hand in the notebook file itself)");
            }
        } catch (IOException e) {
            throw new NotebookException(name + ": cannot read it (" + e.getMessage() + ")");
        }
        return readBounded(file, name, LinkOption.NOFOLLOW_LINKS);
    }

    /** At most MAX_BYTES of {@code file}, parsed; {@code name} is how errors call it. */
    private static Notebook readBounded(Path file, String name, LinkOption... options) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file, options)) {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        } catch (IOException e) {
            throw new NotebookException(name + ": cannot read it (" + e.getMessage() + ")");
        }
        if (bytes.length > MAX_BYTES) {
            throw new NotebookException(name + ": larger than " + (MAX_BYTES >> 20) + " MiB");
        }
        return parse(bytes, name);
    }

    public static Notebook parse(String text, String what) {
        return parse(text.getBytes(StandardCharsets.UTF_8), what);
    }

    /**
     * The notebook in {@code bytes}, refused in one line before it is copied or written anywhere if
     * it holds more than a notebook does: past {@link #BOUNDS} while parsing, then more than
     * {@link #MAX_CELLS} cells, {@link #MAX_OUTPUTS} outputs or {@link #MAX_ATTACHMENTS} attachments.
     */
    public static Notebook parse(byte[] bytes, String what) {
        JsonNode root;
        try {
            root = BOUNDS.read(bytes, 0, bytes.length).tree();
        } catch (JsonBounds.Exceeded e) {
            throw new NotebookException(what + ": not a notebook (JSON " + e.getMessage() + ")");
        } catch (JsonProcessingException e) {
            // a stream-constraint failure (a huge number) carries no location
            String where = e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException ? "JSON nested or sized past what a notebook holds"
                    : e.getLocation() == null ? "invalid JSON" : "invalid JSON at line " + e.getLocation().getLineNr();
            throw new NotebookException(what + ": not a notebook (" + where + ")");
        } catch (IOException e) {
            throw new NotebookException(what + ": not a notebook (" + e.getMessage() + ")");
        }
        if (!(root instanceof ObjectNode doc) || !(doc.get("cells") instanceof ArrayNode cells) || doc.path("nbformat").asInt() != 4) {
            throw new NotebookException(what + ": not a version-4 Jupyter notebook (no \"cells\" or \"nbformat\": 4)");
        }
        if (cells.size() > MAX_CELLS) {
            throw new NotebookException(what + ": " + cells.size() + " cells, more than a notebook graded here may hold (" + MAX_CELLS + ")");
        }
        long outputs = 0;
        long attachments = 0;
        for (JsonNode c : cells) {
            outputs += c.path("outputs").size();
            attachments += c.path("attachments").size();
        }
        if (outputs > MAX_OUTPUTS || attachments > MAX_ATTACHMENTS) {
            throw new NotebookException(what + ": " + outputs + " outputs and " + attachments + " attachments, more than a notebook graded here may hold ("
                    + MAX_OUTPUTS + " and " + MAX_ATTACHMENTS + ")");
        }
        List<Cell> out = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            if (!(cells.get(i) instanceof ObjectNode c)) {
                throw new NotebookException(what + ": cell " + (i + 1) + " is not an object");
            }
            String id = c.path("id").asText("");
            out.add(new Cell(c.path("cell_type").asText("code"), id.isEmpty() ? "cell-" + (i + 1) : id, lines(c.get("source")), c));
        }
        return new Notebook(out, doc);
    }

    private static List<String> lines(JsonNode source) {
        StringBuilder sb = new StringBuilder();
        if (source != null && source.isArray()) {
            source.forEach(s -> sb.append(s.asText()));
        } else if (source != null) {
            sb.append(source.asText());
        }
        String s = sb.toString();
        if (s.isEmpty()) {
            return List.of();
        }
        return List.of(s.split("\n", -1));
    }

    public static String write(Notebook nb) {
        ObjectNode doc = nb.json().deepCopy();
        ArrayNode cells = doc.putArray("cells");
        for (Cell c : nb.cells()) {
            ObjectNode o = c.json().deepCopy();
            o.put("id", c.id());
            ArrayNode src = o.putArray("source");
            for (int i = 0; i < c.lines().size(); i++) {
                src.add(c.lines().get(i) + (i < c.lines().size() - 1 ? "\n" : ""));
            }
            cells.add(o);
        }
        if (doc.path("nbformat_minor").asInt(0) < 5) {
            doc.put("nbformat_minor", 5);
        }
        try {
            return JSON.writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void write(Notebook nb, Path file) throws IOException {
        dev.incept.storage.DurableFile.write(file, write(nb).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cell's outputs as text: stream text as it came (a kernel may split one printed line over
     * several stream messages, so chunks are joined as they are), and the text/plain of results and
     * errors, each on lines of its own.
     */
    public static String outputText(Cell c) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode o : c.json().path("outputs")) {
            String kind = o.path("output_type").asText();
            if (kind.equals("stream")) {
                sb.append(text(o.get("text")));
                continue;
            }
            String t = kind.equals("error") ? o.path("ename").asText() + ": " + o.path("evalue").asText() : text(o.path("data").get("text/plain"));
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
                sb.append('\n');
            }
            sb.append(t).append('\n');
        }
        return sb.toString();
    }

    private static String text(JsonNode text) {
        if (text == null) {
            return "";
        }
        if (!text.isArray()) {
            return text.asText();
        }
        StringBuilder sb = new StringBuilder();
        text.forEach(t -> sb.append(t.asText()));
        return sb.toString();
    }

    /**
     * The error the cell ended in, or null: an error output, or (as the Kotlin kernel reports an
     * exception a cell throws) the line before the first stack frame of a trace on stderr.
     */
    public static String error(Cell c) {
        for (JsonNode o : c.json().path("outputs")) {
            if (o.path("output_type").asText().equals("error")) {
                return o.path("ename").asText() + ": " + o.path("evalue").asText();
            }
        }
        StringBuilder err = new StringBuilder();
        for (JsonNode o : c.json().path("outputs")) {
            if (o.path("output_type").asText().equals("stream") && o.path("name").asText().equals("stderr")) {
                err.append(text(o.get("text")));
            }
        }
        String[] lines = err.toString().split("\n");
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].startsWith("\tat ")) {
                return lines[i - 1].strip();
            }
        }
        // A compile error ("Line_3.jupyter.kts (2:1 - 4) Unresolved reference: dev") has no frames.
        for (String line : lines) {
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return null;
    }
}
