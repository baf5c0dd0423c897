package dev.incept.classroom.assign;

import dev.incept.classroom.notebook.Cell;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A test cell's first line: {@code // TEST q1} (public) or {@code // HIDDEN TEST q1} (grading only). */
public record TestHeader(String question, boolean hidden) {
    private static final Pattern LINE = Pattern.compile("^\\s*//\\s*(HIDDEN\\s+)?TEST\\s+([A-Za-z0-9_.-]+)\\s*$");

    public static Optional<TestHeader> of(Cell cell) {
        if (!cell.isCode()) {
            return Optional.empty();
        }
        Matcher m = LINE.matcher(cell.firstLine());
        return m.matches() ? Optional.of(new TestHeader(m.group(2), m.group(1) != null)) : Optional.empty();
    }
}
