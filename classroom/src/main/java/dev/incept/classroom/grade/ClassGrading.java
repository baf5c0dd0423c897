package dev.incept.classroom.grade;

import dev.incept.classroom.answer.AnswerPlan;
import dev.incept.classroom.assign.Assignment;
import dev.incept.classroom.notebook.Notebook;
import dev.incept.classroom.notebook.NotebookException;
import dev.incept.classroom.notebook.NotebookFile;
import dev.incept.classroom.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A class's submissions graded together: every student's notebook in its own sandbox, then their
 * tests shared out over a few grading kernels ({@link Grader} grades one run of each kind).
 */
public final class ClassGrading {
    private ClassGrading() {
    }

    /** At most this many submissions' tests share one grading kernel. */
    static final int BATCH = 24;

    public static Grade grade(Sandbox sandbox, Assignment a, List<ExpectedCheck> expected, Path submissionFile, KernelRun.Limits limits)
            throws IOException, InterruptedException {
        return gradeAll(sandbox, a, expected, List.of(submissionFile), 1, limits).get(0);
    }

    /**
     * Grades every submission, in order: their sandboxed runs {@code jobs} at a time, then their
     * tests in grading kernels of up to {@link #BATCH} submissions each, {@code jobs} at a time.
     */
    public static List<Grade> gradeAll(Sandbox sandbox, Assignment a, List<ExpectedCheck> expected, List<Path> files, int requestedJobs,
            KernelRun.Limits whole) throws IOException, InterruptedException {
        // Each sandbox has a network namespace of its own. Without one, kernels starting together pick
        // their loopback ports by binding and releasing them, and can pick the same ones: one kernel at a time.
        int jobs = sandbox.isolated() ? requestedJobs : 1;
        AnswerPlan plan = AnswerPlan.of(a);
        KernelRun.Limits limits = whole.threads() > 0 ? whole : whole.sharing(jobs);
        Grade[] grades = new Grade[files.size()];
        List<WorkFolder> folders = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            List<Integer> readable = new ArrayList<>();
            List<Future<Grader.StudentRun>> runs = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                Notebook submission;
                try {
                    submission = NotebookFile.readHandedIn(files.get(i));
                } catch (NotebookException e) {
                    grades[i] = new Grade(files.get(i).getFileName().toString(),
                            expected.stream().map(x -> new CheckOutcome(x, 0, "the submission could not be read: " + e.getMessage())).toList(), e.getMessage());
                    continue;
                }
                WorkFolder work = WorkFolder.fresh("incept-grade-");
                folders.add(work);
                readable.add(i);
                runs.add(pool.submit(() -> Grader.runStudent(sandbox, plan, submission, work.dir(), limits)));
            }
            List<Grader.StudentRun> students = new ArrayList<>();
            for (Future<Grader.StudentRun> f : runs) {
                students.add(await(f));
            }
            int batches = Math.max(Math.min(jobs, students.size()), (students.size() + BATCH - 1) / BATCH);
            List<Future<List<Grader.Run>>> checks = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                List<Grader.StudentRun> batch = new ArrayList<>();
                for (int k = b; k < students.size(); k += batches) {
                    batch.add(students.get(k));
                }
                WorkFolder work = WorkFolder.fresh("incept-check-");
                folders.add(work);
                checks.add(pool.submit(() -> Grader.check(sandbox, plan, batch, work.dir(), limits)));
            }
            for (int b = 0; b < batches; b++) {
                List<Grader.Run> done = await(checks.get(b));
                for (int j = 0; j < done.size(); j++) {
                    int i = readable.get(b + j * batches);
                    List<CheckOutcome> outcomes = new ArrayList<>();
                    for (ExpectedCheck x : expected) {
                        outcomes.add(Grader.outcome(x, done.get(j)));
                    }
                    grades[i] = new Grade(files.get(i).getFileName().toString(), outcomes, done.get(j).ending().problem());
                }
            }
        } finally {
            pool.shutdownNow();
            folders.forEach(WorkFolder::close);
        }
        return List.of(grades);
    }

    private static <T> T await(Future<T> f) throws IOException, InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof InterruptedException ie) {
                throw ie;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c);
        }
    }
}
