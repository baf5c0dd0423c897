package dev.incept.classroom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incept.classroom.notebook.Notebook;
import dev.incept.classroom.notebook.NotebookFile;

/** Small notebooks written in tests: cells as (id, source) pairs, code unless the id starts with "md". */
public final class Notebooks {
    private Notebooks() {
    }

    public static Notebook of(String... idsAndSources) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode doc = json.createObjectNode().put("nbformat", 4).put("nbformat_minor", 5);
        doc.putObject("metadata");
        ArrayNode cells = doc.putArray("cells");
        for (int i = 0; i < idsAndSources.length; i += 2) {
            ObjectNode c = cells.addObject();
            boolean md = idsAndSources[i].startsWith("md");
            c.put("cell_type", md ? "markdown" : "code").put("id", idsAndSources[i]).put("source", idsAndSources[i + 1]);
            c.putObject("metadata");
            if (!md) {
                c.putArray("outputs").addObject().put("output_type", "stream").put("name", "stdout").put("text", "old output\n");
                c.put("execution_count", 3);
            }
        }
        return NotebookFile.parse(doc.toString(), "test notebook");
    }
}
