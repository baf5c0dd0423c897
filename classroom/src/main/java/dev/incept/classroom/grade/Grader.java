package dev.incept.classroom.grade;

import dev.incept.classroom.assign.Assignment;
import dev.incept.classroom.assign.GradedVersion;
import dev.incept.classroom.check.CheckResult;
import dev.incept.classroom.notebook.Notebook;
import dev.incept.classroom.notebook.NotebookException;
import dev.incept.classroom.notebook.NotebookFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Grades one submission: the graded notebook (GradedVersion) runs in a kernel of its own
 * (KernelRun), and every check the solution ran is looked for in what the test cells reported. A
 * check that did not report earns nothing, with the reason its cell gives: it threw, it ran out of
 * time, the kernel died, or the run never reached it.
 */
public final class Grader {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Grader() {
    }

    /** The executed graded notebook and what its test cells reported. */
    record Run(Notebook executed, List<Reported.TestCell> cells, KernelRun.Ending ending) {
    }

    static String token() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Runs {@code submission} against the assignment's tests in {@code work}. */
    static Run run(Assignment a, Notebook submission, Path work, KernelRun.Limits limits) throws IOException, InterruptedException {
        String token = token();
        Notebook graded = GradedVersion.of(a, submission, token);
        Path in = work.resolve("graded.ipynb");
        Path out = work.resolve("executed.ipynb");
        NotebookFile.write(graded, in);
        KernelRun.Ending ending = KernelRun.execute(in, out, work, limits);
        Notebook executed = Files.isRegularFile(out) ? NotebookFile.read(out) : graded;
        return new Run(executed, Reported.read(executed, token), ending);
    }

    public static Grade grade(Assignment a, List<ExpectedCheck> expected, Path submissionFile, Path work, KernelRun.Limits limits)
            throws IOException, InterruptedException {
        String name = submissionFile.getFileName().toString();
        Notebook submission;
        try {
            submission = NotebookFile.read(submissionFile);
        } catch (NotebookException e) {
            return new Grade(name, expected.stream().map(x -> new CheckOutcome(x, 0, "the submission could not be read: " + e.getMessage())).toList(),
                    e.getMessage());
        }
        Run run = run(a, submission, work, limits);
        List<CheckOutcome> outcomes = new ArrayList<>();
        for (ExpectedCheck x : expected) {
            outcomes.add(outcome(x, run));
        }
        return new Grade(name, outcomes, run.ending().problem());
    }

    /**
     * A notebook graded by its own test cells ({@code incept assign check}): the checks it reports
     * are all there is to expect, as a student sees the public ones.
     */
    public static Grade gradeOwnTests(Assignment self, Path file, Path work, KernelRun.Limits limits) throws IOException, InterruptedException {
        Run run = run(self, self.instructor(), work, limits);
        List<CheckOutcome> outcomes = new ArrayList<>();
        for (Reported.TestCell cell : run.cells()) {
            for (CheckResult r : cell.results()) {
                outcomes.add(new CheckOutcome(new ExpectedCheck(cell.question(), r.name(), r.max(), cell.hidden()), r.score(), r.message()));
            }
            if (cell.results().isEmpty()) {
                outcomes.add(new CheckOutcome(new ExpectedCheck(cell.question(), "(test cell)", 0, cell.hidden()), 0,
                        why(cell, run.ending())));
            }
        }
        return new Grade(file.getFileName().toString(), outcomes, run.ending().problem());
    }

    private static CheckOutcome outcome(ExpectedCheck x, Run run) {
        Reported.TestCell home = null;
        for (Reported.TestCell c : run.cells()) {
            if (!c.question().equals(x.question())) {
                continue;
            }
            for (CheckResult r : c.results()) {
                if (r.name().equals(x.name())) {
                    String message = r.message();
                    if (!r.full() && message.startsWith("it threw") && c.earlierFailure() != null) {
                        message = "an earlier cell failed first (" + c.earlierFailure() + "), so " + message;
                    }
                    return new CheckOutcome(x, Math.max(0, Math.min(r.score(), x.max())), message);
                }
            }
            if (home == null || !c.fate().equals("ok")) {
                home = c;
            }
        }
        return new CheckOutcome(x, 0, why(home, run.ending()));
    }

    private static String why(Reported.TestCell cell, KernelRun.Ending ending) {
        if (cell == null) {
            return "the check did not run";
        }
        String why = whyInCell(cell, ending);
        // An earlier cell that failed (a library load that ran out of time) is usually the cause.
        return cell.earlierFailure() == null || cell.fate().equals("not run") ? why
                : "an earlier cell failed first (" + cell.earlierFailure() + "), then " + why;
    }

    private static String whyInCell(Reported.TestCell cell, KernelRun.Ending ending) {
        return switch (cell.fate()) {
            case "error" -> "the test cell failed before this check: " + (cell.error() == null ? "an error" : cell.error());
            case "timeout" -> "the test cell ran out of time";
            case "kernel died" -> "the kernel died in the test cell (System.exit, or out of memory)";
            case "not run" -> ending.timedOut() ? ending.problem() : !ending.problem().isEmpty() ? ending.problem()
                    : "the notebook stopped before this test (an earlier cell ended the kernel)";
            default -> "the check did not report a result";
        };
    }
}
