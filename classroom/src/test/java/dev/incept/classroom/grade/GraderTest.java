package dev.incept.classroom.grade;

import dev.incept.classroom.sandbox.KernelRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incept.classroom.Notebooks;
import dev.incept.classroom.answer.AnswerPlan;
import dev.incept.classroom.assign.Assignment;
import dev.incept.classroom.notebook.Notebook;
import dev.incept.classroom.notebook.NotebookFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How one submission's part of a shared grading kernel is judged from the cells it left. */
class GraderTest {
    /** A part as the grading kernel leaves it: the header, its answers' load, then its test, with these fates. */
    private static Notebook part(String load, String test) {
        ObjectNode doc = new ObjectMapper().createObjectNode().put("nbformat", 4);
        ArrayNode cells = doc.putArray("cells");
        cells.addObject().put("cell_type", "code").put("id", "setup").put("source", "%use incept").putObject("metadata").put("incept", "ok");
        cells.addObject().put("cell_type", "code").put("id", "incept-answers-s3").put("source", "load").putObject("metadata").put("incept", load);
        cells.addObject().put("cell_type", "code").put("id", "incept-test-q1-1-s3").put("source", "// TEST q1").putObject("metadata").put("incept", test);
        return NotebookFile.parse(doc.toString(), "executed");
    }

    @Test
    void aPartWhoseAnswersDidNotLoadIsNotThroughWhateverItsTestsSeemToHaveDone() {
        assertTrue(Grader.through(part("ok", "ok"), 1));
        assertTrue(Grader.through(part("ok", "error"), 1), "a test that failed on its own answers is a result");
        // the load ran past its limit, threw, or the kernel died in it: the tests that followed ran on
        // no answers of this submission's, even if they reported, so they count for nothing
        for (String fate : List.of("timeout", "error", "kernel died", "not run")) {
            assertFalse(Grader.through(part(fate, "ok"), 1), fate);
        }
        assertFalse(Grader.through(part("ok", "kernel died"), 1));
    }

    @Test
    void aSubmissionCheckedAloneWhoseAnswersStillDidNotLoadScoresNothingSayingWhy() {
        Assignment a = Assignment.of("a", Notebooks.of("setup", "%use incept", "answer", "// BEGIN SOLUTION\nval x = 1\n// END SOLUTION",
                "t", "// TEST q1\ncheck(\"x\", 1.0) { x == 1 }"));
        AnswerPlan plan = AnswerPlan.of(a);
        Grader.StudentRun s = new Grader.StudentRun(a.instructor(), null, null, new KernelRun.Ending(true, false, ""));
        Grader.Run run = Grader.unloaded(plan, s, "timeout");
        CheckOutcome o = Grader.outcome(new ExpectedCheck("q1", "x", 1, false), run);
        assertEquals(0, o.score());
        assertEquals("the grader could not load the answers this notebook handed back (reading them ran out of time)", o.message());
    }
}
