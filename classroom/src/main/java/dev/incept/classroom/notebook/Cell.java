package dev.incept.classroom.notebook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One cell of a notebook: its kind, id and source lines, and the whole JSON object it came from,
 * kept so that what incept does not touch (metadata, attachments) is written back as it was.
 */
public record Cell(String type, String id, List<String> lines, ObjectNode json) {
    public Cell {
        lines = List.copyOf(lines);
    }

    public boolean isCode() {
        return type.equals("code");
    }

    public String source() {
        return String.join("\n", lines);
    }

    /** The first line, or "" for an empty cell. */
    public String firstLine() {
        return lines.isEmpty() ? "" : lines.get(0);
    }

    /** The same cell with other source lines. */
    public Cell withLines(List<String> newLines) {
        return new Cell(type, id, newLines, json);
    }

    /** The same cell with another id (a copy put in a second place must not share the first's). */
    public Cell withId(String newId) {
        return new Cell(type, newId, lines, json);
    }
}
