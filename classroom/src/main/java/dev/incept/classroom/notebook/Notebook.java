package dev.incept.classroom.notebook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** A Jupyter notebook (nbformat 4): its cells in order and the document's other fields as they were. */
public record Notebook(List<Cell> cells, ObjectNode json) {
    public Notebook {
        cells = List.copyOf(cells);
    }

    public Notebook withCells(List<Cell> newCells) {
        return new Notebook(newCells, json);
    }

    public Optional<Cell> cell(String id) {
        return cells.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
