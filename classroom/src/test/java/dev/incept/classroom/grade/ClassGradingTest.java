package dev.incept.classroom.grade;

import dev.incept.classroom.sandbox.KernelRun;
import dev.incept.classroom.sandbox.SandboxException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incept.classroom.Notebooks;
import dev.incept.classroom.check.CheckResult;
import dev.incept.classroom.notebook.Notebook;
import dev.incept.classroom.notebook.NotebookException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One submission that makes a step of grading throw costs only its own grade, whichever step it is. */
class ClassGradingTest {
    private static final ExpectedCheck CHECK = new ExpectedCheck("q1", "works", 2, false);

    /** Steps that grade each notebook 2/2, except that a notebook's name chooses the step it breaks. */
    private static class Breaking implements ClassGrading.Steps {
        final List<Integer> checkKernels = new ArrayList<>();

        @Override
        public Notebook read(Path file) {
            if (file.toString().startsWith("unreadable")) {
                throw new NotebookException(file + ": not a notebook (invalid JSON at line 1)");
            }
            if (file.toString().startsWith("reader-bug")) {
                throw new IllegalStateException("a bug the file found");
            }
            return Notebooks.of("name", file.toString());
        }

        @Override
        public Grader.StudentRun run(Notebook submission, Path work) throws IOException {
            String name = submission.cells().get(0).source();
            if (name.startsWith("run-fails")) {
                throw new IOException("the sandbox copy failed");
            }
            return new Grader.StudentRun(submission, null, work.resolve(name), new KernelRun.Ending(true, false, ""));
        }

        @Override
        public List<Grader.Run> check(List<Grader.StudentRun> batch, Path work) throws IOException {
            synchronized (checkKernels) {
                checkKernels.add(batch.size());
            }
            List<Grader.Run> runs = new ArrayList<>();
            for (Grader.StudentRun s : batch) {
                if (s.answers().getFileName().toString().startsWith("check-fails")) {
                    throw new IOException("Input length = 1");
                }
                var cell = new Reported.TestCell("q1", false, "ok", null, List.of(new CheckResult("q1", "works", 2, 2, "")), null);
                runs.add(new Grader.Run(s.ran(), List.of(cell), Map.of(), null, s.ending()));
            }
            return runs;
        }
    }

    @Test
    void aSubmissionThatBreaksReadingRunningOrCheckingCostsOnlyItsOwnGrade() throws Exception {
        List<Path> files = List.of("first.ipynb", "unreadable.ipynb", "reader-bug.ipynb", "run-fails.ipynb", "check-fails.ipynb", "last.ipynb")
                .stream().map(Path::of).toList();
        Breaking steps = new Breaking();
        List<Grade> grades = ClassGrading.gradeAll(steps, List.of(CHECK), files, 1);
        assertEquals(List.of(2.0, 0.0, 0.0, 0.0, 0.0, 2.0), grades.stream().map(Grade::total).toList());
        assertEquals("the submission could not be read: unreadable.ipynb: not a notebook (invalid JSON at line 1)", grades.get(1).outcomes().get(0).message());
        assertEquals("the submission could not be read: IllegalStateException: a bug the file found", grades.get(2).outcomes().get(0).message());
        assertEquals("the grader could not run this notebook: IOException: the sandbox copy failed", grades.get(3).outcomes().get(0).message());
        assertEquals("the grader could not check this notebook's answers", grades.get(4).outcomes().get(0).message());
        // the shared kernel failed as a whole, so each of its three submissions was checked alone
        assertEquals(List.of(3, 1, 1, 1), steps.checkKernels);
    }

    @Test
    void aGradingKernelThatCannotStartForAnyoneStopsTheClassInOneLine() {
        ClassGrading.Steps none = new Breaking() {
            @Override
            public List<Grader.Run> check(List<Grader.StudentRun> batch, Path work) {
                throw new SandboxException("the grading kernel did not run: kernel could not start");
            }
        };
        var e = assertThrows(SandboxException.class, () -> ClassGrading.gradeAll(none, List.of(CHECK), List.of(Path.of("a.ipynb"), Path.of("b.ipynb")), 2));
        assertTrue(e.getMessage().startsWith("the grading kernel did not run"));
    }
}
