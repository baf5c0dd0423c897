package dev.incept.classroom.grade;

import dev.incept.classroom.sandbox.KernelRun;
import dev.incept.classroom.sandbox.SandboxException;
import dev.incept.classroom.answer.AnswerPlan;
import dev.incept.classroom.answer.CheckVersion;
import dev.incept.classroom.answer.HandedAnswers;
import dev.incept.classroom.answer.SandboxVersion;
import dev.incept.classroom.assign.Assignment;
import dev.incept.classroom.check.CheckResult;
import dev.incept.classroom.notebook.Cell;
import dev.incept.classroom.notebook.Notebook;
import dev.incept.classroom.notebook.NotebookException;
import dev.incept.classroom.notebook.NotebookFile;
import dev.incept.classroom.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Grades one submission in two kernels. The student's cells run in a sandbox (SandboxVersion),
 * which hands back only the answers, as data. Then a second kernel, which runs none of the
 * student's code, reads those answers and runs the instructor's tests on them (CheckVersion); the
 * checks it reports are the grade. A check that did not report earns nothing, with the reason: an
 * answer never came back (the student's cell threw, ran out of time, the kernel died or the run
 * never got there), or the test itself failed.
 */
public final class Grader {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Grader() {
    }

    /**
     * What one grading ran: the student's notebook as it ran, the tests' reports, why tests could not
     * run (by question), and how the student's run ended.
     */
    record Run(Notebook executed, List<Reported.TestCell> cells, Map<Integer, String> skipped, AnswerPlan plan, KernelRun.Ending ending) {
    }

    static String token() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** One submission's sandboxed run: the notebook as it ran, its answers channel, and how it ended. */
    record StudentRun(Notebook ran, SandboxVersion version, Path answers, KernelRun.Ending ending) {
    }

    /** Runs {@code submission}'s answers against the assignment's tests in {@code work}. */
    static Run run(Sandbox sandbox, Assignment a, Notebook submission, Path work, KernelRun.Allowance limits) throws IOException, InterruptedException {
        AnswerPlan plan = AnswerPlan.of(a);
        StudentRun student = runStudent(sandbox, plan, submission, work, limits);
        return check(sandbox, plan, List.of(student), work.resolve("check"), limits).get(0);
    }

    /** The student's cells in the sandbox, handing back their answers. */
    static StudentRun runStudent(Sandbox sandbox, AnswerPlan plan, Notebook submission, Path work, KernelRun.Allowance limits)
            throws IOException, InterruptedException {
        SandboxVersion student = SandboxVersion.of(plan, submission);
        Path box = Files.createDirectories(work.resolve("student"));
        Path answers = box.resolve("answers.jsonl");
        Path studentOut = box.resolve("executed.ipynb");
        NotebookFile.write(student.notebook(), box.resolve("in.ipynb"));
        KernelRun.Ending ending = KernelRun.execute(sandbox, box.resolve("in.ipynb"), studentOut, box, limits,
                List.of(new KernelRun.Extra(answers, "/out/answers.jsonl", true, HandedAnswers.ENV)));
        return new StudentRun(readOr(studentOut, student.notebook()), student, answers, ending);
    }

    /**
     * The tests of every submission in {@code students}, in one grading kernel. A part the kernel did
     * not get through (it died, or a test would not stop) is checked again in a kernel of its own, so
     * one submission's answers never cost another its grade.
     */
    static List<Run> check(Sandbox sandbox, AnswerPlan plan, List<StudentRun> students, Path work, KernelRun.Allowance limits)
            throws IOException, InterruptedException {
        Path answers = Files.createDirectories(work.resolve("answers"));
        KernelRun.Extra in = new KernelRun.Extra(answers, "/box/answers", false, "INCEPT_ANSWERS_IN");
        String inside = sandbox.path(new Sandbox.Bind(in.host(), in.inside(), false));
        List<CheckVersion> parts = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int k = 0; k < students.size(); k++) {
            StudentRun s = students.get(k);
            Path copy = answers.resolve("answers-" + k + ".jsonl");
            // The grading kernel gets only the answers its tests read, each within the channel's
            // bounds, never the student's file as written: junk lines cost nothing there.
            java.util.Set<String> keys = plan.keys(s.version().keyPrefixes());
            HandedAnswers handed = HandedAnswers.read(s.answers(), keys::contains);
            handed.write(copy);
            tokens.add(token());
            parts.add(CheckVersion.of(plan, k, s.version().keyPrefixes(), handed, inside + "/" + copy.getFileName(), tokens.get(k)));
        }
        Notebook notebook = CheckVersion.notebook(plan, parts);
        NotebookFile.write(notebook, work.resolve("in.ipynb"));
        KernelRun.Allowance batch = new KernelRun.Allowance(limits.cellSeconds(), limits.totalSeconds() * students.size(), limits.heapMiB(), limits.threads());
        KernelRun.Ending ending = KernelRun.execute(sandbox, work.resolve("in.ipynb"), work.resolve("executed.ipynb"), work, batch, List.of(in));
        Notebook checked = readOr(work.resolve("executed.ipynb"), notebook);
        int header = CheckVersion.header(plan).size();
        List<Run> runs = new ArrayList<>();
        for (int k = 0; k < students.size(); k++) {
            Notebook part = parts.get(k).part(checked, header);
            String load = CheckVersion.loadFate(part);
            if (!through(part, header) && students.size() > 1) {
                runs.add(check(sandbox, plan, List.of(students.get(k)), work.resolve("alone-" + k), limits).get(0));
                continue;
            }
            List<Reported.TestCell> cells = Reported.read(part, tokens.get(k));
            // Only a kernel that never got through the header (its own start, %use incept) stops the
            // class's grading; once it did, whatever the tests met came from one student's answers.
            boolean started = part.cells().stream().limit(header).allMatch(c -> c.json().path("metadata").path("incept").asText("").equals("ok"));
            if (!ending.finished() && !started && cells.stream().allMatch(c -> c.results().isEmpty())) {
                throw new SandboxException("the grading kernel did not run: " + ending.problem());
            }
            if (!load.equals("ok")) {
                runs.add(unloaded(plan, students.get(k), load));
                continue;
            }
            runs.add(result(plan, students.get(k), parts.get(k), part, cells));
        }
        return runs;
    }

    /**
     * Whether the grading kernel got through this part: its answers loaded ("ok"), and none of its
     * tests was left unrun or killed the kernel. Anything but a load that finished means its tests ran
     * on no answers of their own: they are checked again alone, and alone they score nothing, saying why.
     */
    static boolean through(Notebook part, int header) {
        return CheckVersion.loadFate(part).equals("ok") && part.cells().stream().skip(header)
                .map(c -> c.json().path("metadata").path("incept").asText("not run"))
                .noneMatch(f -> f.equals("not run") || f.equals("kernel died"));
    }

    /** A submission whose answers the grading kernel could not load: every test scores nothing, saying why. */
    static Run unloaded(AnswerPlan plan, StudentRun s, String fate) {
        String why = "the grader could not load the answers this notebook handed back (" + switch (fate) {
            case "timeout" -> "reading them ran out of time";
            case "kernel died" -> "the grading kernel died reading them: out of memory?";
            case "error" -> "reading them failed";
            default -> "the grading kernel stopped before reading them";
        } + ")";
        Map<Integer, String> skipped = new java.util.LinkedHashMap<>();
        for (int i = 0; i < plan.tests().size(); i++) {
            skipped.put(i, why);
        }
        List<Cell> shown = s.ran().cells().stream().filter(c -> !c.id().startsWith(SandboxVersion.HAND_ID_PREFIX)).toList();
        return new Run(s.ran().withCells(shown), List.of(), skipped, plan, s.ending());
    }

    private static Run result(AnswerPlan plan, StudentRun s, CheckVersion checks, Notebook checked, List<Reported.TestCell> cells) {
        List<Cell> shown = new ArrayList<>(s.ran().cells().stream().filter(c -> !c.id().startsWith(SandboxVersion.HAND_ID_PREFIX)).toList());
        shown.addAll(checked.cells().stream().filter(c -> c.id().startsWith(CheckVersion.TEST_ID_PREFIX)).toList());
        Map<Integer, String> skipped = new java.util.LinkedHashMap<>();
        checks.skipped().forEach((i, why) -> skipped.put(i, why + HandBack.context(s.ran(), s.version().keyPrefixes().get(i), s.ending())));
        return new Run(s.ran().withCells(shown), cells, skipped, plan, s.ending());
    }

    /** The executed notebook, or {@code fallback} if the run left none that reads as a notebook. */
    private static Notebook readOr(Path executed, Notebook fallback) {
        try {
            return NotebookFile.readHandedIn(executed);
        } catch (NotebookException e) {
            return fallback;
        }
    }

    /**
     * A notebook graded by its own test cells ({@code incept assign check}): the checks it reports
     * are all there is to expect, as a student sees the public ones.
     */
    public static Grade gradeOwnTests(Sandbox sandbox, Assignment self, Path file, Path work, KernelRun.Allowance limits)
            throws IOException, InterruptedException {
        Run run = run(sandbox, self, self.instructor(), work, limits);
        List<CheckOutcome> outcomes = new ArrayList<>();
        for (Reported.TestCell cell : run.cells()) {
            for (CheckResult r : cell.results()) {
                outcomes.add(new CheckOutcome(new ExpectedCheck(cell.question(), r.name(), r.max(), cell.hidden()), r.score(), r.message()));
            }
            if (cell.results().isEmpty()) {
                outcomes.add(new CheckOutcome(new ExpectedCheck(cell.question(), "(test cell)", 0, cell.hidden()), 0, whyInCell(cell)));
            }
        }
        run.skipped().forEach((i, why) -> {
            var t = run.plan().tests().get(i);
            outcomes.add(new CheckOutcome(new ExpectedCheck(t.header().question(), "(test cell)", 0, t.header().hidden()), 0, why));
        });
        return new Grade(file.getFileName().toString(), outcomes, run.ending().problem());
    }

    static CheckOutcome outcome(ExpectedCheck x, Run run) {
        Reported.TestCell home = null;
        for (Reported.TestCell c : run.cells()) {
            if (!c.question().equals(x.question())) {
                continue;
            }
            for (CheckResult r : c.results()) {
                if (r.name().equals(x.name())) {
                    return new CheckOutcome(x, Math.max(0, Math.min(r.score(), x.max())), r.message());
                }
            }
            if (home == null || !c.fate().equals("ok")) {
                home = c;
            }
        }
        for (var e : run.skipped().entrySet()) {
            var t = run.plan().tests().get(e.getKey());
            if (t.header().question().equals(x.question()) && t.header().hidden() == x.hidden()) {
                return new CheckOutcome(x, 0, e.getValue());
            }
        }
        for (var e : run.skipped().entrySet()) {
            if (run.plan().tests().get(e.getKey()).header().question().equals(x.question())) {
                return new CheckOutcome(x, 0, e.getValue());
            }
        }
        return new CheckOutcome(x, 0, home == null ? "the check did not run" : whyInCell(home));
    }

    private static String whyInCell(Reported.TestCell cell) {
        return switch (cell.fate()) {
            case "error" -> "the test failed before this check: " + (cell.error() == null ? "an error" : cell.error());
            case "timeout" -> "the test ran out of time";
            case "kernel died" -> "the grading kernel died in this test (out of memory?)";
            case "not run" -> "the grading kernel stopped before this test";
            default -> "the check did not report a result";
        };
    }
}
