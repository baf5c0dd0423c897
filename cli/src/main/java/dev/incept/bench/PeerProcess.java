package dev.incept.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A bench peer run as a Python process that prints its result as its last line, one JSON object. */
final class PeerProcess {
    private PeerProcess() {
    }

    /** Runs {@code cmd} for bench case {@code name}; a missing torch is named with {@code missingHint}. */
    static JsonNode run(String name, List<String> cmd, String missingHint) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            String last = output.strip().lines().reduce((x, y) -> y).orElse("");
            if (code != 0 || !last.startsWith("{")) {
                String hint = output.contains("No module named 'torch") ? " (" + missingHint + ")" : "";
                throw new IllegalStateException("bench case " + name + " failed (exit " + code + ")" + hint + ": " + last);
            }
            return new ObjectMapper().readTree(last);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run bench case " + name + " with " + cmd.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
