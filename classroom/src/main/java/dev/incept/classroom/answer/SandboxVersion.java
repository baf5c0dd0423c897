package dev.incept.classroom.answer;

import dev.incept.classroom.assign.Outputs;
import dev.incept.classroom.assign.TestHeader;
import dev.incept.classroom.notebook.Cell;
import dev.incept.classroom.notebook.Notebook;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The notebook a student's sandbox runs: the student's own cells, with no test cell at all (a
 * test the student kept or edited is dropped, and the instructor's never enter the sandbox), and
 * in each test's place the cells that hand its answers back. A test goes after the nearest
 * instructor cell before it that the submission still has (cells keep their ids from the student
 * version); tests that land in one place share their hand-back cells.
 *
 * @param keyPrefixes per test of the plan, the prefix of the keys its answers are handed under
 */
public record SandboxVersion(Notebook notebook, List<String> keyPrefixes) {
    /** The ids of the cells that hand answers back start so. */
    public static final String HAND_ID_PREFIX = "incept-hand-";

    public static SandboxVersion of(AnswerPlan plan, Notebook submission) {
        Set<String> testIds = new HashSet<>();
        plan.tests().forEach(t -> testIds.add(t.cell().id()));
        List<Cell> cells = new ArrayList<>();
        for (Cell c : submission.cells()) {
            if (!testIds.contains(c.id()) && TestHeader.of(c).isEmpty() && !c.id().startsWith(HAND_ID_PREFIX)) {
                cells.add(c.isCode() ? Outputs.cleared(c) : c);
            }
        }
        List<Cell> instructor = plan.assignment().instructor().cells();
        Cell template = plan.tests().isEmpty() ? null : Outputs.cleared(plan.tests().get(0).cell());
        List<String> prefixes = new ArrayList<>();
        String lastAnchor = null;
        String prefix = null;
        Set<String> handedHere = new HashSet<>();
        int n = 0;
        for (AnswerPlan.TestUse t : plan.tests()) {
            int index = instructor.indexOf(t.cell());
            int at = insertionPoint(instructor, index, cells);
            // A hand-back cell just placed is the anchor's own: look past them for the real one.
            int k = at;
            while (k > 0 && cells.get(k - 1).id().startsWith(HAND_ID_PREFIX)) {
                k--;
            }
            String anchor = k == 0 ? "" : cells.get(k - 1).id();
            if (!anchor.equals(lastAnchor)) {
                prefix = "t" + prefixes.size();
                lastAnchor = anchor;
                handedHere.clear();
            }
            prefixes.add(prefix);
            for (AnswerPlan.Use u : t.uses()) {
                if (handedHere.add(u.expression())) {
                    String code = "dev.incept.jupyter.Answers.hand(" + literal(AnswerPlan.key(prefix, u)) + ") { " + u.expression() + " }";
                    cells.add(at++, template.withLines(List.of(code)).withId(HAND_ID_PREFIX + (++n)));
                }
            }
        }
        return new SandboxVersion(submission.withCells(cells), prefixes);
    }

    /** Just after the last cell already placed for the nearest earlier instructor cell the submission kept. */
    private static int insertionPoint(List<Cell> instructor, int testIndex, List<Cell> cells) {
        for (int j = testIndex - 1; j >= 0; j--) {
            String anchor = instructor.get(j).id();
            for (int k = 0; k < cells.size(); k++) {
                if (cells.get(k).id().equals(anchor)) {
                    int at = k + 1;
                    while (at < cells.size() && cells.get(at).id().startsWith(HAND_ID_PREFIX)) {
                        at++;
                    }
                    return at;
                }
            }
        }
        int at = 0;
        while (at < cells.size() && cells.get(at).id().startsWith(HAND_ID_PREFIX)) {
            at++;
        }
        return at;
    }

    /** A Kotlin string literal of {@code s}. */
    static String literal(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '$' -> b.append("\\$");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
