package dev.incept.classroom.assign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incept.classroom.Notebooks;
import dev.incept.classroom.notebook.Cell;
import dev.incept.classroom.notebook.Notebook;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradedVersionTest {
    private static final Assignment A = Assignment.of("a1", StudentVersionTest.INSTRUCTOR);

    private static List<String> ids(Notebook n) {
        return n.cells().stream().map(Cell::id).toList();
    }

    @Test
    void everyTestCellIsTheInstructorsCopyHiddenOnesIncludedInTheirPlace() {
        Notebook submission = Notebooks.of(
                "md-intro", "# Assignment",
                "setup", "%use incept",
                "answer", "fun f(): Int {\n    return 42\n}\nval x = f()",
                "mine", "println(x)",
                "public", "// TEST q1\ncheck(\"x is positive\", 100.0) { true }");
        Notebook g = GradedVersion.of(A, submission, "TOKEN");
        assertEquals(List.of("md-intro", "setup", "answer", "incept-test-q1-1", "incept-test-q1-2", "mine"), ids(g));
        assertEquals(List.of("// TEST q1", "dev.incept.jupyter.Grading.question(\"q1\", \"TOKEN\")",
                "dev.incept.jupyter.check(\"x is positive\", 1.0) { x > 0 }"), g.cells().get(3).lines());
        assertEquals("dev.incept.jupyter.check(\"x is 42\", 2.0) { x == 42 }", g.cells().get(4).lines().get(2));
    }

    @Test
    void aDeletedTestComesBackAfterTheNearestCellTheSubmissionKept() {
        Notebook submission = Notebooks.of("setup", "%use incept", "answer", "val x = 1");
        assertEquals(List.of("setup", "answer", "incept-test-q1-1", "incept-test-q1-2"), ids(GradedVersion.of(A, submission, "T")));
        Notebook bare = Notebooks.of("other", "val y = 2");
        assertEquals(List.of("incept-test-q1-1", "incept-test-q1-2", "other"), ids(GradedVersion.of(A, bare, "T")));
    }

    @Test
    void aStudentsOwnCheckIsLeftInItsCellAndTheTestsCallTheRealOne() {
        Notebook submission = Notebooks.of("setup", "%use incept\nfun check(n: String, p: Double, b: () -> Boolean) = println(\"PASS\")",
                "answer", "val x = 1", "public", "// TEST q1\ncheck(\"x is positive\", 1.0) { x > 0 }");
        Notebook g = GradedVersion.of(A, submission, "T");
        assertTrue(g.cells().get(0).source().contains("fun check(n: String"));
        assertTrue(g.cells().get(2).lines().get(2).startsWith("dev.incept.jupyter.check("));
        assertTrue(g.cells().stream().noneMatch(c -> c.source().contains("old output")));
    }
}
