package dev.incept.classroom.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where a kernel runs while grading: inside bubblewrap (Debian's {@code bwrap}) with its own PID,
 * network, IPC and UTS namespaces, a private /tmp and home of bounded size, read-only binds of the
 * system, the kernel and incept's jars, and only the files a run names; as an unprivileged user
 * (a user id of its own per slot when grading runs as root), with limits on processes, file size,
 * open files, CPU time and address space. Or, only when the teacher accepts the risk by name, not
 * at all ({@link #unsafe()}). No user namespace can be made inside, as root or not: a seccomp filter
 * refuses it ({@link NoUserNamespaces}), and bubblewrap's {@code --disable-userns} too where the
 * sandbox has a user namespace of its own.
 */
public final class Sandbox {
    /** A host path seen inside at {@code inside}, read-only unless {@code writable}. */
    public record Bind(Path host, String inside, boolean writable) {
    }

    /** What one sandboxed process may use. */
    public record ProcessLimits(long cpuSeconds, long addressSpaceMiB, long fileMiB, long tmpMiB, int processes) {
    }

    static final String BWRAP = "/usr/bin/bwrap";
    /** The first of the user ids sandboxes run as when grading runs as root: one per slot. */
    static final int FIRST_UID = 64000;
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    /** The file descriptor bubblewrap reads the seccomp filter from. */
    private static final String SECCOMP_FD = "3";
    private final boolean isolated;
    private final boolean root;

    private Sandbox(boolean isolated, boolean root) {
        this.isolated = isolated;
        this.root = root;
    }

    /** No sandbox: student code runs as the grader, sees its files and can forge its grade. */
    public static Sandbox unsafe() {
        return new Sandbox(false, ROOT);
    }

    /** Bubblewrap, if it can make a sandbox on this machine; otherwise one line that says why and what to do. */
    public static Sandbox bubblewrap() {
        return bubblewrap(ROOT);
    }

    /**
     * Bubblewrap as a grader running as root makes it ({@code asRoot}: a user id per slot, set by
     * setpriv) or as any other user makes it (a user namespace of its own); the tests, run as root,
     * prove both.
     */
    static Sandbox bubblewrap(boolean asRoot) {
        if (!Files.isExecutable(Path.of(BWRAP))) {
            throw new SandboxException("grading runs student code only in a sandbox, and bubblewrap is not installed "
                    + "(apt-get install bubblewrap; --unsafe-no-sandbox grades without one, letting student code read the hidden tests and forge its grade)");
        }
        Sandbox s = new Sandbox(true, asRoot);
        String problem = s.probe();
        if (problem != null) {
            throw new SandboxException("grading runs student code only in a sandbox, and bubblewrap cannot make one here: " + problem
                    + " (--unsafe-no-sandbox grades without one, letting student code read the hidden tests and forge its grade)");
        }
        return s;
    }

    public boolean isolated() {
        return isolated;
    }

    /** Where {@code b} is seen by the sandboxed process: inside, or the host path when there is no sandbox. */
    public String path(Bind b) {
        return isolated ? b.inside() : b.host().toString();
    }

    /**
     * The command line that runs {@code command} in this sandbox, in slot {@code slot} (a user id of
     * its own when grading runs as root), with exactly {@code env} as its environment.
     */
    public List<String> command(List<Bind> binds, Map<String, String> env, String cwd, ProcessLimits limits, int slot, List<String> command) {
        if (!isolated) {
            return List.copyOf(command);
        }
        // the shell opens the seccomp filter as the descriptor bwrap reads it from, then becomes bwrap
        List<String> c = new ArrayList<>(List.of("/usr/bin/sh", "-c", "exec " + SECCOMP_FD + "<\"$1\" && shift && exec \"$@\"", "sh",
                NoUserNamespaces.file().toString()));
        c.addAll(List.of(BWRAP, "--die-with-parent", "--new-session", "--unshare-pid", "--unshare-net",
                "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try", "--seccomp", SECCOMP_FD));
        if (!root) {
            c.addAll(List.of("--unshare-user", "--uid", "65534", "--gid", "65534", "--disable-userns", "--cap-drop", "ALL"));
        }
        c.addAll(List.of("--ro-bind", "/usr", "/usr", "--symlink", "usr/bin", "/bin", "--symlink", "usr/lib", "/lib",
                "--symlink", "usr/lib64", "/lib64", "--symlink", "usr/sbin", "/sbin", "--perms", "0755", "--dir", "/etc"));
        for (String etc : List.of("alternatives", "java-17-openjdk", "ld.so.cache", "localtime", "fonts", "ssl", "ca-certificates",
                "nsswitch.conf", "passwd", "group", "hosts", "mime.types", "python3", "python3.11")) {
            c.addAll(List.of("--ro-bind-try", "/etc/" + etc, "/etc/" + etc));
        }
        c.addAll(List.of("--proc", "/proc", "--dev", "/dev",
                "--perms", "1777", "--size", Long.toString(limits.tmpMiB() << 20), "--tmpfs", "/tmp",
                "--perms", "1777", "--size", Long.toString(limits.tmpMiB() << 20), "--tmpfs", HOME));
        List<String> dirs = new ArrayList<>();
        for (Bind b : binds) {
            for (Path p = Path.of(b.inside()).getParent(); p != null && !p.toString().equals("/"); p = p.getParent()) {
                if (!p.toString().equals(HOME) && !p.toString().equals("/tmp") && !dirs.contains(p.toString())) {
                    dirs.add(p.toString());
                }
            }
        }
        dirs.sort(java.util.Comparator.comparingInt(String::length));
        for (String d : dirs) {
            c.addAll(List.of("--perms", "0755", "--dir", d));
        }
        for (Bind b : binds) {
            c.addAll(List.of(b.writable() ? "--bind" : "--ro-bind", b.host().toString(), b.inside()));
        }
        c.add("--clearenv");
        env.forEach((k, v) -> c.addAll(List.of("--setenv", k, v)));
        c.addAll(List.of("--chdir", cwd, "--"));
        if (root) {
            int uid = FIRST_UID + slot;
            c.addAll(List.of("/usr/bin/setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups", "--no-new-privs",
                    "--inh-caps=-all", "--bounding-set=-all", "--"));
        }
        c.addAll(List.of("/usr/bin/prlimit", "--nproc=" + limits.processes(), "--fsize=" + (limits.fileMiB() << 20),
                "--nofile=4096", "--core=0", "--cpu=" + limits.cpuSeconds(), "--as=" + (limits.addressSpaceMiB() << 20), "--"));
        c.addAll(command);
        return c;
    }

    private static final java.util.BitSet SLOTS = new java.util.BitSet();

    /** A slot no other running sandbox holds: sandboxes in separate slots never share a user id. */
    public static synchronized int acquireSlot() {
        int s = SLOTS.nextClearBit(0);
        SLOTS.set(s);
        return s;
    }

    public static synchronized void releaseSlot(int slot) {
        SLOTS.clear(slot);
    }

    /** The home folder of the sandboxed user (a private tmpfs). */
    public static final String HOME = "/home/sandbox";

    /** Null if a trivial command runs in a sandbox like a grading one; otherwise bwrap's complaint. */
    private String probe() {
        try {
            Path log = Files.createTempFile("incept-sandbox-", ".log");
            try {
                Process p = new ProcessBuilder(command(List.of(), Map.of("PATH", "/usr/bin"), "/tmp",
                        new ProcessLimits(10, 1024, 1, 1, 64), 0, List.of("/usr/bin/true")))
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return "bwrap did not finish in 30 s";
                }
                String out = Files.readString(log, StandardCharsets.UTF_8).strip();
                return p.exitValue() == 0 ? null : out.isEmpty() ? "bwrap exited with status " + p.exitValue() : out.lines().findFirst().orElse("");
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
