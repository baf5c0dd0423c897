package dev.incept.classroom.assign;

import dev.incept.classroom.notebook.Cell;
import dev.incept.classroom.notebook.Notebook;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notebook a kernel runs to grade one submission: the student's cells, with every test cell
 * the instructor's own copy. A test cell the student edited is replaced; one the student deleted,
 * and every hidden one, is put back after the nearest instructor cell before it that the
 * submission still has (cells keep their ids from the student version). The grading API is
 * called by its full name in these cells, so a student's own {@code check} does not stand in, and
 * each test cell first tells the grading code its question and this run's token.
 */
public final class GradedVersion {
    /** The ids given to the test cells put into a graded notebook: the prefix and the question. */
    public static final String TEST_ID_PREFIX = "incept-test-";
    private static final Pattern API_CALL = Pattern.compile("(?<![\\w.])(check|checkArchitecture|checkTrains)(\\s*[({])");
    private static final String API = "dev.incept.jupyter.";

    private GradedVersion() {
    }

    public static Notebook of(Assignment a, Notebook submission, String token) {
        Set<String> testIds = new HashSet<>();
        a.testCells().forEach(c -> testIds.add(c.id()));
        List<Cell> cells = new ArrayList<>();
        for (Cell c : submission.cells()) {
            if (!testIds.contains(c.id()) && TestHeader.of(c).isEmpty()) {
                cells.add(c.isCode() ? Outputs.cleared(c) : c);
            }
        }
        List<Cell> instructor = a.instructor().cells();
        int n = 0;
        for (int i = 0; i < instructor.size(); i++) {
            Cell test = instructor.get(i);
            TestHeader header = TestHeader.of(test).orElse(null);
            if (header == null) {
                continue;
            }
            int at = insertionPoint(instructor, i, cells);
            cells.add(at, Outputs.cleared(rewrite(test, header, token)).withId(TEST_ID_PREFIX + header.question() + "-" + (++n)));
        }
        return submission.withCells(cells);
    }

    /** Just after the last cell already placed for the nearest earlier instructor cell the submission kept. */
    private static int insertionPoint(List<Cell> instructor, int testIndex, List<Cell> cells) {
        for (int j = testIndex - 1; j >= 0; j--) {
            String anchor = instructor.get(j).id();
            for (int k = 0; k < cells.size(); k++) {
                if (cells.get(k).id().equals(anchor)) {
                    int at = k + 1;
                    while (at < cells.size() && cells.get(at).id().startsWith(TEST_ID_PREFIX)) {
                        at++;
                    }
                    return at;
                }
            }
        }
        int at = 0;
        while (at < cells.size() && cells.get(at).id().startsWith(TEST_ID_PREFIX)) {
            at++;
        }
        return at;
    }

    static Cell rewrite(Cell test, TestHeader header, String token) {
        List<String> lines = new ArrayList<>();
        lines.add(test.firstLine());
        lines.add(API + "Grading.question(\"" + header.question() + "\", \"" + token + "\")");
        for (String line : SolutionRegions.keep(test.lines().subList(1, test.lines().size()))) {
            Matcher m = API_CALL.matcher(line);
            lines.add(m.replaceAll(API + "$1$2"));
        }
        return test.withLines(lines);
    }
}
