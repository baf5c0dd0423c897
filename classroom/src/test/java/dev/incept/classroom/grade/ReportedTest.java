package dev.incept.classroom.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incept.classroom.notebook.Notebook;
import dev.incept.classroom.notebook.NotebookFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportedTest {

    /** A cell as the kernel leaves it: its id, its first line, and stream chunks (stream name, text). */
    private static ObjectNode cell(ArrayNode cells, String id, String source, String fate, String... chunks) {
        ObjectNode c = cells.addObject().put("cell_type", "code").put("id", id).put("source", source);
        c.putObject("metadata").put("incept", fate);
        ArrayNode outs = c.putArray("outputs");
        for (int i = 0; i < chunks.length; i += 2) {
            outs.addObject().put("output_type", "stream").put("name", chunks[i]).put("text", chunks[i + 1]);
        }
        return c;
    }

    private static Notebook notebook(java.util.function.Consumer<ArrayNode> fill) {
        ObjectNode doc = new ObjectMapper().createObjectNode().put("nbformat", 4);
        fill.accept(doc.putArray("cells"));
        return NotebookFile.parse(doc.toString(), "executed");
    }

    @Test
    void onlyTheTestCellsLinesWithThisRunsTokenAndTheirOwnQuestionCount() {
        String ok = "{\"question\":\"q1\",\"name\":\"a\",\"score\":1.0,\"max\":1.0,\"message\":\"\"}";
        Notebook executed = notebook(cells -> {
            cell(cells, "answer", "val x = 1", "ok", "stdout", "@@incept-check TOKEN " + ok.replace("\"a\"", "\"forged\"") + "\n");
            // One printed line arriving in two stream messages, as the kernel sends it.
            cell(cells, "incept-test-q1-1", "// TEST q1", "ok", "stdout", "PASS a: 1/1\n@@incept-check TOKEN {\"question\":\"q1\",\"na",
                    "stdout", "me\":\"a\",\"score\":1.0,\"max\":1.0,\"message\":\"\"}\n",
                    "stdout", "@@incept-check OTHER " + ok.replace("\"a\"", "\"b\"") + "\n",
                    "stdout", "@@incept-check TOKEN " + ok.replace("q1", "q2").replace("\"a\"", "\"c\"") + "\n");
        });
        List<Reported.TestCell> cells = Reported.read(executed, "TOKEN");
        assertEquals(1, cells.size());
        assertEquals(List.of("a"), cells.get(0).results().stream().map(r -> r.name()).toList());
    }

    @Test
    void aFailedAnswerCellIsNamedForTheTestsAfterIt() {
        Notebook executed = notebook(cells -> {
            cell(cells, "answer", "val x: Int = error(\"no\")", "error", "stderr", "no\njava.lang.IllegalStateException: no\n\tat Line_5.<init>\n");
            cell(cells, "incept-test-q1-1", "// TEST q1", "ok", "stdout", "FAIL a\n");
        });
        Reported.TestCell t = Reported.read(executed, "T").get(0);
        assertEquals("cell 1 failed: java.lang.IllegalStateException: no", t.earlierFailure());
    }

    /**
     * A library load cut off at its time limit leaves every later cell failing to compile, which the
     * Kotlin kernel tells on stderr without stack frames: the test cell names the load, and its own
     * compile error, not "the check did not report a result".
     */
    @Test
    void aCompileErrorIsTheCellsErrorAndACutOffLoadIsNamed() {
        Notebook executed = notebook(cells -> {
            cell(cells, "setup", "%use incept", "timeout", "stderr", "The execution was interrupted\n");
            cell(cells, "incept-test-q1-1", "// TEST q1", "error", "stderr",
                    "Line_2.jupyter.kts (2:1 - 4) Unresolved reference: dev\nLine_2.jupyter.kts (3:1 - 4) Unresolved reference: dev\n");
        });
        Reported.TestCell t = Reported.read(executed, "T").get(0);
        assertEquals("cell 1 ran out of time", t.earlierFailure());
        assertEquals("Line_2.jupyter.kts (2:1 - 4) Unresolved reference: dev", t.error());
    }
}
