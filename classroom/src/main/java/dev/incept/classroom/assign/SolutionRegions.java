package dev.incept.classroom.assign;

import dev.incept.classroom.notebook.NotebookException;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines from {@code // BEGIN SOLUTION} to {@code // END SOLUTION} become one
 * {@code TODO("your answer")} at the marker's indentation: Kotlin's TODO() compiles both as a
 * statement and as an expression of any type, so the student version compiles and says what to do.
 */
public final class SolutionRegions {
    static final String BEGIN = "// BEGIN SOLUTION";
    static final String END = "// END SOLUTION";
    public static final String PLACEHOLDER = "TODO(\"your answer\")";

    private SolutionRegions() {
    }

    /** The cell's lines with each region replaced; {@code where} names the cell in errors. */
    public static List<String> strip(List<String> lines, String where) {
        List<String> out = new ArrayList<>();
        int open = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String t = line.strip();
            if (t.equals(BEGIN)) {
                if (open >= 0) {
                    throw new NotebookException(where + ", line " + (i + 1) + ": BEGIN SOLUTION inside another (opened at line " + (open + 1) + ")");
                }
                open = i;
                out.add(line.substring(0, line.indexOf('/')) + PLACEHOLDER);
            } else if (t.equals(END)) {
                if (open < 0) {
                    throw new NotebookException(where + ", line " + (i + 1) + ": END SOLUTION without a BEGIN SOLUTION");
                }
                open = -1;
            } else if (open < 0) {
                out.add(line);
            }
        }
        if (open >= 0) {
            throw new NotebookException(where + ", line " + (open + 1) + ": BEGIN SOLUTION is never closed");
        }
        return out;
    }

    /** The lines without the markers: the instructor's solution as it runs. */
    public static List<String> keep(List<String> lines) {
        return lines.stream().filter(l -> !l.strip().equals(BEGIN) && !l.strip().equals(END)).toList();
    }
}
