package dev.incept.classroom.grade;

import dev.incept.classroom.sandbox.KernelRun;
import dev.incept.classroom.sandbox.SandboxException;
import dev.incept.classroom.answer.AnswerPlan;
import dev.incept.classroom.assign.Assignment;
import dev.incept.classroom.notebook.Notebook;
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
 *
 * <p>No submission can stop the class's grading: whatever one submission makes a step throw (its
 * file, its sandboxed run, the grading kernel its answers share) becomes that submission's result,
 * with the reason. A grading kernel that fails as a whole is run again once per submission, so the
 * failure lands on its cause alone. Only a fault that grades no one ({@link SandboxException}: no
 * kernel, no jars) stops it, in one line.
 */
public final class ClassGrading {
    private ClassGrading() {
    }

    /**
     * At most this many submissions' tests share one grading kernel; {@code -Dincept.grade.batch=1}
     * gives each its own (scripts/bench/grading measures the price).
     */
    static final int BATCH = Math.max(1, Integer.getInteger("incept.grade.batch", 24));

    /** The steps of grading, apart so that a test can make any of them throw for one submission. */
    interface Steps {
        Notebook read(Path file);

        Grader.StudentRun run(Notebook submission, Path work) throws IOException, InterruptedException;

        List<Grader.Run> check(List<Grader.StudentRun> batch, Path work) throws IOException, InterruptedException;
    }

    public static Grade grade(Sandbox sandbox, Assignment a, List<ExpectedCheck> expected, Path submissionFile, KernelRun.Allowance limits)
            throws IOException, InterruptedException {
        return gradeAll(sandbox, a, expected, List.of(submissionFile), 1, limits).get(0);
    }

    /**
     * Grades every submission, in order: their sandboxed runs {@code jobs} at a time, then their
     * tests in grading kernels of up to {@link #BATCH} submissions each, {@code jobs} at a time.
     */
    public static List<Grade> gradeAll(Sandbox sandbox, Assignment a, List<ExpectedCheck> expected, List<Path> files, int requestedJobs,
            KernelRun.Allowance whole) throws IOException, InterruptedException {
        // Each sandbox has a network namespace of its own. Without one, kernels starting together pick
        // their loopback ports by binding and releasing them, and can pick the same ones: one kernel at a time.
        int jobs = sandbox.isolated() ? requestedJobs : 1;
        AnswerPlan plan = AnswerPlan.of(a);
        KernelRun.Allowance limits = whole.threads() > 0 ? whole : whole.sharing(jobs);
        Steps steps = new Steps() {
            @Override
            public Notebook read(Path file) {
                return NotebookFile.readHandedIn(file);
            }

            @Override
            public Grader.StudentRun run(Notebook submission, Path work) throws IOException, InterruptedException {
                return Grader.runStudent(sandbox, plan, submission, work, limits);
            }

            @Override
            public List<Grader.Run> check(List<Grader.StudentRun> batch, Path work) throws IOException, InterruptedException {
                return Grader.check(sandbox, plan, batch, work, limits);
            }
        };
        return gradeAll(steps, expected, files, jobs);
    }

    static List<Grade> gradeAll(Steps steps, List<ExpectedCheck> expected, List<Path> files, int jobs) throws InterruptedException, IOException {
        Grade[] grades = new Grade[files.size()];
        List<WorkFolder> folders = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            List<Integer> running = new ArrayList<>();
            List<Future<Grader.StudentRun>> runs = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                Notebook submission;
                try {
                    submission = steps.read(files.get(i));
                } catch (RuntimeException e) {
                    grades[i] = nothing(files.get(i), expected, "the submission could not be read: ", e);
                    continue;
                }
                WorkFolder work = WorkFolder.fresh("incept-grade-");
                folders.add(work);
                running.add(i);
                runs.add(pool.submit(() -> steps.run(submission, work.dir())));
            }
            List<Integer> readable = new ArrayList<>();
            List<Grader.StudentRun> students = new ArrayList<>();
            for (int j = 0; j < runs.size(); j++) {
                int i = running.get(j);
                try {
                    students.add(await(runs.get(j)));
                    readable.add(i);
                } catch (IOException | RuntimeException e) {
                    rethrowIfNoOneCanBeGraded(e);
                    grades[i] = nothing(files.get(i), expected, "the grader could not run this notebook: ", e);
                }
            }
            int batches = Math.max(Math.min(jobs, students.size()), (students.size() + BATCH - 1) / BATCH);
            List<List<Integer>> members = new ArrayList<>();
            List<Future<List<Grader.Run>>> checks = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                List<Integer> in = new ArrayList<>();
                List<Grader.StudentRun> batch = new ArrayList<>();
                for (int k = b; k < students.size(); k += batches) {
                    in.add(k);
                    batch.add(students.get(k));
                }
                members.add(in);
                checks.add(pool.submit(() -> checkInFolder(steps, batch, folders)));
            }
            for (int b = 0; b < batches; b++) {
                List<Grader.Run> done;
                try {
                    done = await(checks.get(b));
                } catch (IOException | RuntimeException e) {
                    rethrowIfNoOneCanBeGraded(e);
                    done = null;
                }
                for (int j = 0; j < members.get(b).size(); j++) {
                    int k = members.get(b).get(j);
                    int i = readable.get(k);
                    Grader.Run run = done != null ? done.get(j) : alone(steps, students.get(k), folders);
                    if (run == null) {
                        grades[i] = nothing(files.get(i), expected, "the grader could not check this notebook's answers", null);
                        continue;
                    }
                    List<CheckOutcome> outcomes = new ArrayList<>();
                    for (ExpectedCheck x : expected) {
                        outcomes.add(Grader.outcome(x, run));
                    }
                    grades[i] = new Grade(files.get(i).getFileName().toString(), outcomes, run.ending().problem());
                }
            }
        } finally {
            pool.shutdownNow();
            synchronized (folders) {
                folders.forEach(WorkFolder::close);
            }
        }
        return List.of(grades);
    }

    private static List<Grader.Run> checkInFolder(Steps steps, List<Grader.StudentRun> batch, List<WorkFolder> folders)
            throws IOException, InterruptedException {
        WorkFolder work = WorkFolder.fresh("incept-check-");
        folders.add(work);
        return steps.check(batch, work.dir());
    }

    /** One submission's tests in a grading kernel of their own, after its batch failed as a whole; null if they fail alone too. */
    private static Grader.Run alone(Steps steps, Grader.StudentRun student, List<WorkFolder> folders) throws InterruptedException {
        try {
            return checkInFolder(steps, List.of(student), folders).get(0);
        } catch (IOException | RuntimeException e) {
            rethrowIfNoOneCanBeGraded(e);
            return null;
        }
    }

    private static void rethrowIfNoOneCanBeGraded(Exception e) {
        if (e instanceof SandboxException g) {
            throw g;
        }
    }

    private static Grade nothing(Path file, List<ExpectedCheck> expected, String why, Exception e) {
        String reason = e == null ? why : why + (e instanceof dev.incept.failure.InceptException ? e.getMessage()
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        return new Grade(file.getFileName().toString(), expected.stream().map(x -> new CheckOutcome(x, 0, reason)).toList(), reason);
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
            // an Error (out of memory in the grader itself) is no submission's to carry
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }
}
