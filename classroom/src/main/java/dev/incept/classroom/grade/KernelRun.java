package dev.incept.classroom.grade;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one notebook in a kernel process of its own (run_notebook.py over nbclient), in a fresh
 * folder, with a time limit per cell and for the whole run, and the kernel's Java heap capped; a
 * run past its total limit is killed with every process it started. The notebook is written back
 * after every cell, so what ran before a crash is kept.
 */
public final class KernelRun {
    /** The kernel spec scripts/setup-notebooks installs; grading copies it with its own heap cap. */
    public static final String BASE_KERNEL = "kotlin-incept";

    private KernelRun() {
    }

    /** Limits of one run: seconds per cell, seconds in all, the kernel's heap in MiB. */
    public record Limits(int cellSeconds, int totalSeconds, int heapMiB) {
    }

    /** How the run ended: normally, past its total limit, or the kernel never started (with why). */
    public record Ending(boolean finished, boolean timedOut, String problem) {
    }

    /**
     * A kernel that dies before it answers its first request has run nothing of the notebook; with
     * two gradings starting kernels at once this happened, rarely, as a machine fault. So a run whose
     * kernel could not start is started once more, and only then reported.
     */
    public static Ending execute(Path in, Path out, Path work, Limits limits) throws IOException, InterruptedException {
        Ending first = executeOnce(in, out, work, limits);
        if (first.finished() || first.timedOut() || !first.problem().contains("kernel could not start")) {
            return first;
        }
        return executeOnce(in, out, work, limits);
    }

    private static Ending executeOnce(Path in, Path out, Path work, Limits limits) throws IOException, InterruptedException {
        Path script = work.resolve("run_notebook.py");
        try (InputStream s = KernelRun.class.getResourceAsStream("run_notebook.py")) {
            Files.write(script, s.readAllBytes());
        }
        Path jupyterPath = work.resolve("jupyter");
        String kernel = GraderKernel.write(jupyterPath, limits.heapMiB());
        Path cwd = Files.createDirectories(work.resolve("cwd"));
        ProcessBuilder pb = new ProcessBuilder(List.of("/usr/bin/python3", script.toString(), in.toString(), out.toString(), kernel,
                Integer.toString(limits.cellSeconds()), cwd.toString()))
                .directory(cwd.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("kernel.log").toFile());
        String base = System.getenv().getOrDefault("JUPYTER_PATH", "");
        pb.environment().put("JUPYTER_PATH", jupyterPath + (base.isEmpty() ? "" : ":" + base));
        pb.environment().put("INCEPT_QUICK", "1");
        Process p = pb.start();
        if (!p.waitFor(limits.totalSeconds(), TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
            return new Ending(false, true, "the notebook did not finish in " + limits.totalSeconds() + " s");
        }
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        if (p.exitValue() != 0) {
            String log = Files.readString(work.resolve("kernel.log"), StandardCharsets.UTF_8).strip();
            String last = log.isEmpty() ? "exit status " + p.exitValue() : log.lines().reduce((a, b) -> b).orElse("");
            return new Ending(false, false, "the kernel did not run: " + last);
        }
        return new Ending(true, false, "");
    }
}
