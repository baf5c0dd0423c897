package dev.incept.classroom.assign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incept.classroom.Notebooks;
import dev.incept.classroom.notebook.Cell;
import dev.incept.classroom.notebook.Notebook;
import dev.incept.classroom.notebook.NotebookException;
import dev.incept.classroom.notebook.NotebookFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class StudentVersionTest {
    static final Notebook INSTRUCTOR = Notebooks.of(
            "md-intro", "# Assignment",
            "setup", "%use incept",
            "answer", "fun f(): Int {\n    // BEGIN SOLUTION\n    return 42\n    // END SOLUTION\n}\nval x = f()",
            "public", "// TEST q1\ncheck(\"x is positive\", 1.0) { x > 0 }",
            "hidden", "// HIDDEN TEST q1\ncheck(\"x is 42\", 2.0) { x == 42 }");

    @Test
    void solutionsBecomeTodoAtTheirIndentationHiddenTestsGoAndOutputsAreCleared() {
        Assignment a = Assignment.of("a1", INSTRUCTOR);
        Notebook s = StudentVersion.of(a);
        assertEquals(List.of("md-intro", "setup", "answer", "public"), s.cells().stream().map(Cell::id).toList());
        assertEquals(List.of("fun f(): Int {", "    TODO(\"your answer\")", "}", "val x = f()"), s.cell("answer").orElseThrow().lines());
        String written = NotebookFile.write(s);
        assertTrue(!written.contains("old output") && !written.contains("42") && !written.contains("HIDDEN"), written);
        assertEquals(List.of("q1"), a.questions());
    }

    @Test
    void theSolutionRunsWithoutItsMarkers() {
        Notebook s = StudentVersion.solution(Assignment.of("a1", INSTRUCTOR));
        assertEquals(List.of("fun f(): Int {", "    return 42", "}", "val x = f()"), s.cell("answer").orElseThrow().lines());
        assertEquals(5, s.cells().size());
    }

    @Test
    void badMarkersAndMissingTestsAreNamed() {
        NotebookException open = assertThrows(NotebookException.class, () -> Assignment.of("a1",
                Notebooks.of("c", "// BEGIN SOLUTION\nval x = 1", "t", "// TEST q1\ncheck(\"a\", 1.0) { true }")));
        assertEquals("a1, cell 1, line 1: BEGIN SOLUTION is never closed", open.getMessage());
        NotebookException none = assertThrows(NotebookException.class, () -> Assignment.of("a1", Notebooks.of("c", "val x = 1")));
        assertTrue(none.getMessage().contains("no test cells"), none.getMessage());
        NotebookException twice = assertThrows(NotebookException.class, () -> Assignment.of("a1",
                Notebooks.of("c", "val x = 1", "c", "// TEST q1\ncheck(\"a\", 1.0) { true }")));
        assertTrue(twice.getMessage().contains("two cells have the id 'c'"), twice.getMessage());
    }
}
