package dev.incept.classroom.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A copy of the installed Kotlin kernel spec under another name, its Java heap capped, in a
 * folder of the run's own: a submission that allocates without end meets its own
 * OutOfMemoryError, not the machine's limit. In a sandbox, the kernel's home and caches move to
 * the sandbox's private home.
 */
final class GraderKernel {
    static final String NAME = "incept-grader";

    /** The kernel's name and the folder its jars are installed in. */
    record Installed(String name, Path home) {
    }

    private GraderKernel() {
    }

    static Installed write(Path jupyterPath, int heapMiB, String sandboxHome) throws IOException {
        Path installed = Path.of(System.getProperty("user.home"), ".local", "share", "jupyter", "kernels", KernelRun.BASE_KERNEL, "kernel.json");
        if (!Files.isRegularFile(installed)) {
            throw new IOException("no Kotlin kernel at " + installed + " (scripts/setup/notebooks installs it)");
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode spec = (ObjectNode) json.readTree(installed.toFile());
        ArrayNode argv = (ArrayNode) spec.get("argv");
        Path home = null;
        // The launcher first, then our heap cap in place of any the installed spec has.
        ArrayNode capped = json.createArrayNode();
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i).asText();
            if (a.startsWith("-home=")) {
                home = Path.of(a.substring("-home=".length())).getParent();
                if (sandboxHome != null) {
                    a = "-home=" + sandboxHome + "/kernel-home";
                }
            }
            if (!a.startsWith("-Xmx")) {
                capped.add(a);
            }
            if (i == 0) {
                capped.add("-Xmx" + heapMiB + "m");
                if (sandboxHome != null) {
                    capped.add("-Duser.home=" + sandboxHome);
                }
            }
        }
        if (home == null) {
            throw new IOException(installed + ": no -home= argument (scripts/setup/notebooks writes it)");
        }
        spec.set("argv", capped);
        spec.put("display_name", "Kotlin (incept grading)");
        Path dir = Files.createDirectories(jupyterPath.resolve("kernels").resolve(NAME));
        json.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("kernel.json").toFile(), spec);
        return new Installed(NAME, home);
    }
}
