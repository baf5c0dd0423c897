package dev.incept.classroom.grade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incept.classroom.answer.CheckVersion;
import dev.incept.classroom.assign.TestHeader;
import dev.incept.classroom.check.CheckResult;
import dev.incept.classroom.check.Checks;
import dev.incept.classroom.notebook.Cell;
import dev.incept.classroom.notebook.Notebook;
import dev.incept.classroom.notebook.NotebookFile;
import java.util.ArrayList;
import java.util.List;

/**
 * What the test cells of an executed graded notebook reported: only lines in the output of the
 * cells the grader put there, carrying this run's token and the question the cell belongs to.
 */
final class Reported {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One graded test cell: its question, whether hidden, how it ended, what it reported, and the
     * last of the submission's own cells before it that failed (null if none did).
     */
    record TestCell(String question, boolean hidden, String fate, String error, List<CheckResult> results, String earlierFailure) {
    }

    private Reported() {
    }

    static List<TestCell> read(Notebook executed, String token) {
        List<TestCell> out = new ArrayList<>();
        String prefix = Checks.MARK + " " + token + " ";
        String lastFailure = null;
        int index = 0;
        for (Cell c : executed.cells()) {
            index++;
            if (!c.id().startsWith(CheckVersion.TEST_ID_PREFIX)) {
                String fate = c.json().path("metadata").path("incept").asText("");
                if (c.isCode() && (fate.equals("error") || fate.equals("timeout"))) {
                    lastFailure = "cell " + index + (fate.equals("timeout") ? " ran out of time" : " failed: " + NotebookFile.error(c));
                }
                continue;
            }
            TestHeader h = TestHeader.of(c).orElseThrow();
            List<CheckResult> results = new ArrayList<>();
            for (String line : NotebookFile.outputText(c).split("\n")) {
                if (!line.startsWith(prefix)) {
                    continue;
                }
                try {
                    JsonNode o = JSON.readTree(line.substring(prefix.length()));
                    if (o.path("question").asText().equals(h.question())) {
                        results.add(new CheckResult(h.question(), o.path("name").asText(), o.path("score").asDouble(),
                                o.path("max").asDouble(), o.path("message").asText()));
                    }
                } catch (Exception e) {
                    // a damaged line reports nothing
                }
            }
            String fate = c.json().path("metadata").path("incept").asText("not run");
            out.add(new TestCell(h.question(), h.hidden(), fate, NotebookFile.error(c), results, lastFailure));
        }
        return out;
    }
}
