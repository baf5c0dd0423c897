package dev.incept.classroom.assign;

import dev.incept.classroom.notebook.Cell;
import dev.incept.classroom.notebook.Notebook;
import dev.incept.classroom.notebook.NotebookException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An instructor notebook read as an assignment: its questions in order of first appearance, and
 * its cells checked (unique ids, balanced solution markers, at least one test).
 */
public record Assignment(String name, Notebook instructor, List<String> questions) {
    public Assignment {
        questions = List.copyOf(questions);
    }

    public static Assignment of(String name, Notebook instructor) {
        Set<String> ids = new HashSet<>();
        Set<String> questions = new LinkedHashSet<>();
        for (int i = 0; i < instructor.cells().size(); i++) {
            Cell c = instructor.cells().get(i);
            if (!ids.add(c.id())) {
                throw new NotebookException(name + ": two cells have the id '" + c.id() + "'; grading finds cells by id");
            }
            if (c.isCode()) {
                SolutionRegions.strip(c.lines(), name + ", cell " + (i + 1));
            }
            TestHeader.of(c).ifPresent(h -> questions.add(h.question()));
        }
        if (questions.isEmpty()) {
            throw new NotebookException(name + ": no test cells (a code cell whose first line is // TEST q1 or // HIDDEN TEST q1)");
        }
        return new Assignment(name, instructor, new ArrayList<>(questions));
    }

    /** The instructor's test cells, public and hidden, in order. */
    public List<Cell> testCells() {
        return instructor.cells().stream().filter(c -> TestHeader.of(c).isPresent()).toList();
    }
}
