package dev.incept.classroom.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What student code inside the sandbox can and cannot reach (scripts/setup/sandbox installs bubblewrap). */
class SandboxTest {
    @Test
    void studentCodeSeesOnlyWhatIsBoundWritesOnlyWhereAllowedAndHasNoNetworkNorTheGradersEnvironment(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("hidden-tests.txt"), "the hidden answer");
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("notebook.txt"), "the student's notebook");
        Path out = Files.writeString(dir.resolve("out.txt"), "");
        out.toFile().setWritable(true, false);
        String script = String.join("\n",
                "echo secret=$(cat " + secret + " 2>/dev/null || echo unreadable)",
                "echo notebook=$(cat /box/in/notebook.txt)",
                "echo in-write=$( (echo x > /box/in/forged) 2>/dev/null && echo yes || echo no)",
                "echo usr-write=$( (echo x > /usr/forged) 2>/dev/null && echo yes || echo no)",
                "echo out-write=$( (echo handed > /out/out.txt) 2>/dev/null && echo yes || echo no)",
                "echo tmp-write=$( (echo x > /tmp/scratch) 2>/dev/null && echo yes || echo no)",
                "echo uid=$(id -u)",
                "echo env=$(env | cut -d= -f1 | sort | tr '\\n' ,)",
                "echo interfaces=$(tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' | tr '\\n' ,)",
                "echo java-processes=$(ls -l /proc/[0-9]*/exe 2>/dev/null | grep -c /java)",
                "echo processes-seen=$(ls -l /proc/[0-9]*/exe 2>/dev/null | grep -c /)",
                "echo nproc=$(grep 'Max processes' /proc/self/limits | tr -s ' ' | cut -d' ' -f3)");
        List<Sandbox.Bind> binds = List.of(new Sandbox.Bind(in, "/box/in", false), new Sandbox.Bind(out, "/out/out.txt", true));
        Sandbox sandbox = Sandbox.bubblewrap();
        int slot = Sandbox.acquireSlot();
        Map<String, String> seen;
        try {
            seen = run(sandbox.command(binds, Map.of("PATH", "/usr/bin:/bin", "LANG", "C.UTF-8"), "/tmp",
                    new Sandbox.ProcessLimits(30, 2048, 8, 16, 64), slot, List.of("/usr/bin/sh", "-c", script)));
        } finally {
            Sandbox.releaseSlot(slot);
        }
        assertEquals("unreadable", seen.get("secret"));
        assertEquals("the student's notebook", seen.get("notebook"));
        assertEquals("no", seen.get("in-write"));
        assertEquals("no", seen.get("usr-write"));
        assertEquals("yes", seen.get("out-write"));
        assertEquals("yes", seen.get("tmp-write"));
        assertEquals("handed\n", Files.readString(out, StandardCharsets.UTF_8));
        assertFalse(seen.get("uid").equals("0"), "not root inside");
        assertEquals("LANG,PATH,PWD,", seen.get("env"));
        assertEquals("lo,", seen.get("interfaces"));
        assertEquals("0", seen.get("java-processes"), "the grader's own process is out of sight");
        assertTrue(Integer.parseInt(seen.get("processes-seen")) > 0, "the check itself sees processes");
        assertEquals("64", seen.get("nproc"));
        assertFalse(Files.exists(in.resolve("forged")));
    }

    @Test
    void noUserNamespaceCanBeMadeInsideWhetherTheGraderRunsAsRootOrNot() throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        for (boolean asRoot : root ? List.of(true, false) : List.of(false)) {
            Sandbox sandbox = Sandbox.bubblewrap(asRoot);
            String script = String.join("\n",
                    "echo unshare-user=$(/usr/bin/unshare -r /usr/bin/id -u 2>/dev/null || echo refused)",
                    "echo unshare-user-fork=$(/usr/bin/unshare -r -f /usr/bin/id -u 2>/dev/null || echo refused)",
                    "echo unshare-mount=$(/usr/bin/unshare -m /usr/bin/true 2>/dev/null && echo made || echo refused)",
                    "echo threads=$(/usr/bin/python3 -c 'import threading; t = threading.Thread(target=print); t.start(); t.join(); print(\"ok\")' | tail -1)",
                    "echo fork=$(/usr/bin/sh -c 'echo forked')");
            int slot = Sandbox.acquireSlot();
            Map<String, String> seen;
            try {
                seen = run(sandbox.command(List.of(), Map.of("PATH", "/usr/bin:/bin"), "/tmp", new Sandbox.ProcessLimits(30, 2048, 8, 16, 64), slot,
                        List.of("/usr/bin/sh", "-c", script)));
            } finally {
                Sandbox.releaseSlot(slot);
            }
            String mode = asRoot ? "grading as root" : "grading as a user";
            assertEquals("refused", seen.get("unshare-user"), mode);
            assertEquals("refused", seen.get("unshare-user-fork"), mode);
            assertEquals("refused", seen.get("unshare-mount"), mode + ": no capability to make any namespace");
            assertEquals("ok", seen.get("threads"), mode + ": threads start (clone3 falls back to clone)");
            assertEquals("forked", seen.get("fork"), mode);
        }
    }

    private static Map<String, String> run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), text);
        Map<String, String> seen = new java.util.HashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                seen.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return seen;
    }
}
