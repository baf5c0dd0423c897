package dev.incept.classroom.sandbox;

import dev.incept.engine.EngineChoice;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one notebook in a kernel of its own (run_notebook.py over nbclient) inside a sandbox, with a
 * time limit per cell and for the whole run, and the kernel's Java heap capped; a run past its
 * total limit is killed with every process it started. The notebook is written back after every
 * cell, so what ran before a crash is kept.
 *
 * <p>Each sandbox has a network namespace of its own, so kernels starting at once cannot race for
 * the same loopback ports: jupyter_client picks free ports by binding and releasing them, and two
 * kernels that picked the same ones before either bound them used to die before replying.
 */
public final class KernelRun {
    /** The kernel spec scripts/setup/notebooks installs; grading copies it with its own heap cap. */
    public static final String BASE_KERNEL = "kotlin-incept";
    /** The system property (set by the incept launcher) naming incept-jupyter's build folder. */
    public static final String JUPYTER_BUILD = "incept.jupyter.build";

    private KernelRun() {
    }

    /**
     * What one run is allowed: seconds per cell, seconds in all, the kernel's heap in MiB, and the native
     * threads its engine may use (0: one per core). Kernels that run side by side each get their
     * share of the cores: an engine's OpenMP workers spin while they wait, and two kernels each
     * running a worker per core trained 5x slower, not 2x, on a 2-core machine.
     */
    public record Allowance(int cellSeconds, int totalSeconds, int heapMiB, int threads) {
        public Allowance(int cellSeconds, int totalSeconds, int heapMiB) {
            this(cellSeconds, totalSeconds, heapMiB, 0);
        }

        /** These limits for one of {@code kernels} kernels running at once on this machine's cores. */
        public Allowance sharing(int kernels) {
            return new Allowance(cellSeconds, totalSeconds, heapMiB, Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, kernels)));
        }
    }

    /** How the run ended: normally, past its total limit, or the kernel never started (with why). */
    public record Ending(boolean finished, boolean timedOut, String problem) {
    }

    /** A file the run reads or writes besides the notebook, and the environment variable that names it. */
    public record Extra(Path host, String inside, boolean writable, String env) {
    }

    public static Ending execute(Sandbox sandbox, Path in, Path out, Path work, Allowance limits, List<Extra> extras)
            throws IOException, InterruptedException {
        Path script = work.resolve("run_notebook.py");
        try (InputStream s = KernelRun.class.getResourceAsStream("run_notebook.py")) {
            Files.write(script, s.readAllBytes());
        }
        Path jupyterPath = work.resolve("jupyter");
        GraderKernel.Installed kernel = GraderKernel.write(jupyterPath, limits.heapMiB(), sandbox.isolated() ? Sandbox.HOME : null);
        writable(out);
        List<Sandbox.Bind> binds = new ArrayList<>();
        Sandbox.Bind nb = bind(binds, in, "/box/in.ipynb", false);
        Sandbox.Bind executed = bind(binds, out, "/out/executed.ipynb", true);
        Sandbox.Bind runner = bind(binds, script, "/box/run_notebook.py", false);
        Sandbox.Bind jupyter = bind(binds, jupyterPath, "/box/jupyter", false);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/bin:/bin");
        env.put("LANG", "C.UTF-8");
        env.put("INCEPT_QUICK", "1");
        env.put("MALLOC_ARENA_MAX", "2");
        if (limits.threads() > 0) {
            env.put("OMP_NUM_THREADS", Integer.toString(limits.threads()));
        }
        env.put("JUPYTER_PATH", sandbox.path(jupyter));
        for (Extra x : extras) {
            if (x.writable()) {
                writable(x.host());
            }
            env.put(x.env(), sandbox.path(bind(binds, x.host(), x.inside(), x.writable())));
        }
        String cwd;
        if (sandbox.isolated()) {
            env.put("HOME", Sandbox.HOME);
            env.put("JUPYTER_RUNTIME_DIR", "/tmp/jupyter-runtime");
            bind(binds, kernel.home(), kernel.home().toString(), false);
            Path build = jupyterBuild();
            bind(binds, build.resolve("lib"), "/incept/lib", false);
            Path jar = jupyterJar(build);
            bind(binds, jar, "/incept/" + jar.getFileName(), false);
            bind(binds, libraryDescriptor(work, build, jar), Sandbox.HOME + "/.jupyter_kotlin/libraries", false);
            EngineChoice engine = EngineChoice.fromEnvironment();
            env.put("INCEPT_ENGINE", engine.name().toLowerCase(Locale.ROOT));
            bind(binds, EngineNatives.ready(engine), Sandbox.HOME + "/.djl.ai", false);
            cwd = "/tmp";
        } else {
            Path dir = Files.createDirectories(work.resolve("cwd"));
            env.put("HOME", System.getProperty("user.home"));
            cwd = dir.toString();
        }
        List<String> runnerCommand = List.of("/usr/bin/python3", sandbox.path(runner), sandbox.path(nb), sandbox.path(executed), kernel.name(),
                Integer.toString(limits.cellSeconds()), cwd);
        Sandbox.ProcessLimits box = new Sandbox.ProcessLimits(4L * limits.totalSeconds(), limits.heapMiB() + 6144L, 64, 512, 1024);
        int slot = Sandbox.acquireSlot();
        try {
            ProcessBuilder pb = new ProcessBuilder(sandbox.command(binds, env, cwd, box, slot, runnerCommand))
                    .redirectErrorStream(true).redirectOutput(work.resolve("kernel.log").toFile());
            if (!sandbox.isolated()) {
                pb.directory(Path.of(cwd).toFile());
                pb.environment().clear();
                pb.environment().putAll(env);
            }
            return await(pb.start(), work, limits);
        } finally {
            Sandbox.releaseSlot(slot);
        }
    }

    private static Ending await(Process p, Path work, Allowance limits) throws IOException, InterruptedException {
        if (!p.waitFor(limits.totalSeconds(), TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
            return new Ending(false, true, "the notebook did not finish in " + limits.totalSeconds() + " s");
        }
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        if (p.exitValue() != 0) {
            String log = logTail(work.resolve("kernel.log"));
            String last = log.isEmpty() ? "exit status " + p.exitValue() : log.lines().reduce((a, b) -> b).orElse("");
            return new Ending(false, false, "the kernel did not run: " + last);
        }
        return new Ending(true, false, "");
    }

    /** The most of a kernel's log read back: its last lines say why it stopped. */
    static final int LOG_TAIL_BYTES = 8192;

    /**
     * The end of a run's log, as text whatever bytes the student's code wrote there (the kernel's
     * raw standard output is theirs to write to): invalid UTF-8 is replaced, never thrown, and
     * control characters other than line breaks become spaces.
     */
    static String logTail(Path log) throws IOException {
        byte[] tail;
        try (var f = java.nio.channels.FileChannel.open(log, java.nio.file.StandardOpenOption.READ, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            long size = f.size();
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate((int) Math.min(size, LOG_TAIL_BYTES));
            f.position(size - b.capacity());
            while (b.hasRemaining() && f.read(b) >= 0) {
                // read the tail whole
            }
            tail = java.util.Arrays.copyOf(b.array(), b.position());
        } catch (java.nio.file.NoSuchFileException e) {
            return "";
        }
        // a String built from bytes replaces malformed input; it never throws as Files.readString does
        String text = new String(tail, StandardCharsets.UTF_8);
        return text.codePoints().map(c -> c != '\n' && Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
    }

    private static Sandbox.Bind bind(List<Sandbox.Bind> binds, Path host, String inside, boolean writable) {
        Sandbox.Bind b = new Sandbox.Bind(host, inside, writable);
        binds.add(b);
        return b;
    }

    /** An empty file the sandboxed user may write (it runs as another user when grading runs as root). */
    private static void writable(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
    }

    static Path jupyterBuild() {
        String dir = System.getProperty(JUPYTER_BUILD);
        if (dir == null || !Files.isDirectory(Path.of(dir, "lib"))) {
            throw new SandboxException("grading needs incept-jupyter's jars in a sandbox (jupyter/target/lib, named by -D" + JUPYTER_BUILD
                    + "; the incept launcher sets it after 'mvn package')");
        }
        return Path.of(dir);
    }

    private static Path jupyterJar(Path build) throws IOException {
        try (var s = Files.list(build)) {
            return s.filter(p -> p.getFileName().toString().matches("incept-jupyter-.*\\.jar") && !p.getFileName().toString().contains("sources"))
                    .findFirst().orElseThrow(() -> new SandboxException(build + ": no incept-jupyter jar (run 'mvn package')"));
        }
    }

    /**
     * {@code %use incept} inside the sandbox: a descriptor that names the jars by path, since the
     * sandbox sees no Maven repository.
     */
    private static Path libraryDescriptor(Path work, Path build, Path jar) throws IOException {
        Path dir = Files.createDirectories(work.resolve("libraries"));
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var root = json.createObjectNode().put("description", "incept, as a grading sandbox loads it");
        var deps = root.putArray("dependencies");
        deps.add("/incept/" + jar.getFileName());
        try (var s = Files.list(build.resolve("lib"))) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted().forEach(n -> deps.add("/incept/lib/" + n));
        }
        json.writeValue(dir.resolve("incept.json").toFile(), root);
        return dir;
    }
}
