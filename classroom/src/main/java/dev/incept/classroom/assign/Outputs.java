package dev.incept.classroom.assign;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incept.classroom.notebook.Cell;

/** A code cell without outputs or execution count, as a notebook is handed out or sent to a kernel. */
public final class Outputs {
    private Outputs() {
    }

    public static Cell cleared(Cell c) {
        ObjectNode json = c.json().deepCopy();
        json.putArray("outputs");
        json.putNull("execution_count");
        json.remove("metadata");
        json.putObject("metadata");
        return new Cell(c.type(), c.id(), c.lines(), json);
    }
}
