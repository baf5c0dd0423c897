package dev.incept.cli;

import dev.incept.command.Args;
import dev.incept.command.UsageException;

import dev.incept.classroom.assign.Assignment;
import dev.incept.classroom.grade.AssignmentBuild;
import dev.incept.classroom.grade.Autograder;
import dev.incept.classroom.grade.GradescopeExport;
import dev.incept.classroom.grade.CheckOutcome;
import dev.incept.classroom.grade.Grade;
import dev.incept.classroom.grade.GradeReport;
import dev.incept.classroom.grade.ClassGrading;
import dev.incept.classroom.grade.Grader;
import dev.incept.classroom.sandbox.KernelRun;
import dev.incept.classroom.grade.WorkFolder;
import dev.incept.classroom.notebook.NotebookException;
import dev.incept.classroom.notebook.NotebookFile;
import dev.incept.classroom.sandbox.Sandbox;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** incept assign build | check | grade: assignments authored as Kotlin notebooks, graded offline. */
final class AssignCommand {
    static final String USAGE = """
            usage: incept assign build INSTRUCTOR.ipynb --out DIR
                   incept assign check NOTEBOOK.ipynb
                   incept assign grade DIR/autograder SUBMISSION.ipynb... --out GRADES [--jobs N]
                   incept assign export DIR/autograder --gradescope OUT.zip
              build: DIR/student (solutions stripped, hidden tests removed, outputs cleared),
                     DIR/autograder (what grading needs), DIR/solution (the solution, run); fails,
                     naming the question, unless the solution earns every point
              check: runs a notebook headless and prints its public checks as grading scores them
              grade: per submission GRADES/NAME/results.json (Gradescope's schema), feedback.md and
                     feedback.html, and GRADES/grades.csv; each submission in a kernel of its own
              export: a Gradescope autograder zip (setup.sh, run_autograder, the autograder folder
                     and incept's sources, built on Gradescope's image); run it from incept's folder
              --junit-xml FILE          grade: also every check as a JUnit test case (GitHub Classroom, CI)
              --cell-timeout S          seconds per cell (default 120)
              --timeout S               seconds per notebook (default 600)
              --memory MiB              the kernel's Java heap (default 1536)
              --jobs N                  submissions graded at once (default 1)
              --unsafe-no-sandbox       run student code without bubblewrap: it can then read the
                                        hidden tests and forge its grade (only for code you trust);
                                        with export, the zip's run_autograder grades so""";

    private AssignCommand() {
    }

    /** Bubblewrap, or (named by the teacher) none; without either, one line and no grading. */
    private static Sandbox sandbox(Args a) {
        if (a.flag("unsafe-no-sandbox")) {
            System.err.println("incept: warning: --unsafe-no-sandbox: student code runs unconfined and can forge its grade");
            return Sandbox.unsafe();
        }
        return Sandbox.bubblewrap();
    }

    static int run(List<String> argv, PrintStream out) {
        try {
            return dispatch(argv, out);
        } catch (IOException e) {
            throw new NotebookException("cannot read or write: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotebookException("interrupted");
        }
    }

    private static int dispatch(List<String> argv, PrintStream out) throws IOException, InterruptedException {
        Args a = Args.parse(argv, Set.of("unsafe-no-sandbox"), Set.of("out", "jobs", "cell-timeout", "timeout", "memory", "junit-xml", "gradescope"));
        if (a.positional.isEmpty()) {
            throw new UsageException("assign needs build, check, grade or export");
        }
        KernelRun.Allowance limits = new KernelRun.Allowance(or(a.positiveInt("cell-timeout"), 120), or(a.positiveInt("timeout"), 600),
                or(a.positiveInt("memory"), 1536));
        List<String> rest = a.positional.subList(1, a.positional.size());
        return switch (a.positional.get(0)) {
            case "build" -> build(rest, a, limits, out);
            case "check" -> check(rest, a, limits, out);
            case "grade" -> grade(rest, a, limits, out);
            case "export" -> export(rest, a, limits, out);
            default -> throw new UsageException("assign needs build, check, grade or export, got '" + a.positional.get(0) + "'");
        };
    }

    private static int build(List<String> rest, Args a, KernelRun.Allowance limits, PrintStream out) throws IOException, InterruptedException {
        if (rest.size() != 1 || a.get("out", null) == null) {
            throw new UsageException("assign build needs one instructor notebook and --out DIR");
        }
        AssignmentBuild.Built r = AssignmentBuild.build(sandbox(a), existing(rest.get(0)), Path.of(a.get("out", null)), limits);
        out.printf(Locale.ROOT, "built %s: %d questions, %d checks, %s points; the solution earns them all%n",
                r.grader().assignment().name(), r.grader().assignment().questions().size(), r.grader().checks().size(),
                GradeReport.num(r.grader().maxPoints()));
        out.println("  student:    " + r.student());
        out.println("  autograder: " + r.autograder());
        out.println("  solution:   " + r.solution());
        return 0;
    }

    private static int check(List<String> rest, Args a, KernelRun.Allowance limits, PrintStream out) throws IOException, InterruptedException {
        if (rest.size() != 1) {
            throw new UsageException("assign check needs one notebook");
        }
        Path file = existing(rest.get(0));
        Assignment self = Assignment.of(file.getFileName().toString(), NotebookFile.read(file));
        Grade g;
        try (WorkFolder work = WorkFolder.fresh("incept-check-")) {
            g = Grader.gradeOwnTests(sandbox(a), self, file, work.dir(), limits);
        }
        print(g, out);
        return 0;
    }

    private static int grade(List<String> rest, Args a, KernelRun.Allowance limits, PrintStream out) throws IOException, InterruptedException {
        if (rest.size() < 2 || a.get("out", null) == null) {
            throw new UsageException("assign grade needs the autograder folder, one or more submissions and --out GRADES");
        }
        List<Path> submissions = new ArrayList<>();
        java.util.Map<String, Path> byName = new java.util.HashMap<>();
        for (String s : rest.subList(1, rest.size())) {
            Path file = existing(s);
            Path same = byName.putIfAbsent(gradeFolder(file), file);
            if (same != null) {
                // each grade lands in GRADES/NAME: one would overwrite the other
                throw new UsageException("two submissions are named " + GradeReport.line(gradeFolder(file)) + " (" + GradeReport.line(same.toString()) + " and "
                        + GradeReport.line(file.toString()) + "); their grades would share one folder and one row, so give each its own name");
            }
            submissions.add(file);
        }
        Autograder ag = Autograder.load(existing(rest.get(0)));
        Path grades = Path.of(a.get("out", null));
        int jobs = or(a.positiveInt("jobs"), 1);
        Sandbox sandbox = sandbox(a);
        List<Grade> all = ClassGrading.gradeAll(sandbox, ag.assignment(), ag.checks(), submissions, jobs, limits);
        List<String> folders = submissions.stream().map(AssignCommand::gradeFolder).toList();
        List<String> unwritten = GradeReport.writeClass(all, folders, ag.assignment().questions(), grades);
        for (Grade g : all) {
            out.printf(Locale.ROOT, "%s: %s / %s%n", GradeReport.line(g.submission()), GradeReport.num(g.total()), GradeReport.num(g.max()));
        }
        if (a.get("junit-xml", null) != null) {
            GradeReport.writeJunit(all, Path.of(a.get("junit-xml", null)));
        }
        out.println("grades: " + grades.resolve(GradeReport.CSV));
        if (!unwritten.isEmpty()) {
            throw new NotebookException("every grade is in " + grades.resolve(GradeReport.CSV) + ", but the feedback of " + unwritten.size()
                    + " submission(s) could not be written: " + String.join("; ", unwritten));
        }
        return 0;
    }

    private static int export(List<String> rest, Args a, KernelRun.Allowance limits, PrintStream out) throws IOException {
        if (rest.size() != 1 || a.get("gradescope", null) == null) {
            throw new UsageException("assign export needs the autograder folder and --gradescope OUT.zip");
        }
        Path zip = Path.of(a.get("gradescope", null));
        boolean unsandboxed = a.flag("unsafe-no-sandbox");
        if (unsandboxed) {
            System.err.println("incept: warning: --unsafe-no-sandbox: the zip's run_autograder lets student code run unconfined and forge its grade");
        }
        int files = GradescopeExport.write(existing(rest.get(0)), Path.of(""), limits, unsandboxed, zip);
        out.printf(Locale.ROOT, "wrote %s: setup.sh, run_autograder, the autograder and incept's sources (%d files)%n", zip, files);
        return 0;
    }

    private static void print(Grade g, PrintStream out) {
        for (CheckOutcome o : g.outcomes()) {
            out.printf(Locale.ROOT, "%-6s %-40s %6s / %-6s %s%n", o.check().question(), o.check().name(), GradeReport.num(o.score()),
                    GradeReport.num(o.check().max()), o.score() >= o.check().max() ? "" : o.message());
        }
        out.printf(Locale.ROOT, "total: %s / %s%n", GradeReport.num(g.total()), GradeReport.num(g.max()));
    }

    private static Path existing(String p) {
        Path path = Path.of(p);
        // a link is judged by what it is, not where it points: a student's dangling link must not stop a class's grading
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new NotebookException(p + ": no such file or folder");
        }
        return path;
    }

    private static String gradeFolder(Path p) {
        return GradeReport.folder(p.getFileName().toString());
    }

    private static int or(Integer v, int fallback) {
        return v == null ? fallback : v;
    }
}
