package dev.incept.classroom.grade;

import dev.incept.classroom.sandbox.KernelRun;
import dev.incept.classroom.assign.Assignment;
import dev.incept.classroom.assign.StudentVersion;
import dev.incept.classroom.check.CheckResult;
import dev.incept.classroom.notebook.NotebookException;
import dev.incept.classroom.notebook.NotebookFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code incept assign build}: the student version, the autograder folder, and the solution run
 * in a kernel. The build fails, naming the question, unless the solution earns every point of
 * every check, so no assignment goes out whose own answer would lose marks.
 */
public final class AssignmentBuild {
    private AssignmentBuild() {
    }

    public record Built(Path student, Path autograder, Path solution, Autograder grader) {
    }

    public static Built build(dev.incept.classroom.sandbox.Sandbox sandbox, Path instructorFile, Path out, KernelRun.Allowance limits) throws IOException, InterruptedException {
        String file = instructorFile.getFileName().toString();
        String name = file.endsWith(".ipynb") ? file.substring(0, file.length() - ".ipynb".length()) : file;
        Assignment a = Assignment.of(name, NotebookFile.read(instructorFile));
        Path student = out.resolve("student").resolve(file);
        NotebookFile.write(StudentVersion.of(a), student);
        Grader.Run run;
        try (WorkFolder work = WorkFolder.fresh("incept-build-")) {
            run = Grader.run(sandbox, a, StudentVersion.solution(a), work.dir(), limits);
        }
        if (!run.ending().finished()) {
            throw new NotebookException(name + ": the solution did not run through: " + run.ending().problem());
        }
        for (var e : run.skipped().entrySet()) {
            throw new NotebookException(name + ", question " + run.plan().tests().get(e.getKey()).header().question()
                    + ": the solution's answers did not reach the test: " + e.getValue());
        }
        List<ExpectedCheck> checks = new ArrayList<>();
        for (Reported.TestCell cell : run.cells()) {
            if (cell.results().isEmpty()) {
                throw new NotebookException(name + ", question " + cell.question() + ": a test cell reported no check"
                        + (cell.error() == null ? "" : " (" + cell.error() + ")"));
            }
            for (CheckResult r : cell.results()) {
                if (!r.full()) {
                    throw new NotebookException(name + ", question " + cell.question() + ": the solution loses points on '" + r.name()
                            + "' (" + GradeReport.num(r.score()) + "/" + GradeReport.num(r.max()) + "): " + r.message());
                }
                checks.add(new ExpectedCheck(cell.question(), r.name(), r.max(), cell.hidden()));
            }
        }
        Autograder grader = new Autograder(a, checks);
        Path autograder = out.resolve("autograder");
        grader.save(autograder);
        Path solution = out.resolve("solution").resolve(file);
        NotebookFile.write(run.executed(), solution);
        return new Built(student, autograder, solution, grader);
    }
}
