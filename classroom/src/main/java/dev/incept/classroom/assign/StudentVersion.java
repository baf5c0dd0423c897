package dev.incept.classroom.assign;

import dev.incept.classroom.notebook.Cell;
import dev.incept.classroom.notebook.Notebook;
import java.util.ArrayList;
import java.util.List;

/** What students get: solutions replaced by TODO, hidden tests removed, outputs cleared; cell ids kept. */
public final class StudentVersion {
    private StudentVersion() {
    }

    public static Notebook of(Assignment a) {
        List<Cell> out = new ArrayList<>();
        for (int i = 0; i < a.instructor().cells().size(); i++) {
            Cell c = a.instructor().cells().get(i);
            if (TestHeader.of(c).map(TestHeader::hidden).orElse(false)) {
                continue;
            }
            out.add(c.isCode() ? Outputs.cleared(c.withLines(SolutionRegions.strip(c.lines(), a.name() + ", cell " + (i + 1)))) : c);
        }
        return a.instructor().withCells(out);
    }

    /** The instructor notebook as it runs: markers out, everything else in. */
    public static Notebook solution(Assignment a) {
        return a.instructor().withCells(a.instructor().cells().stream()
                .map(c -> c.isCode() ? Outputs.cleared(c.withLines(SolutionRegions.keep(c.lines()))) : c).toList());
    }
}
