package dev.incept.classroom.grade;

import dev.incept.classroom.sandbox.KernelRun;
import dev.incept.classroom.answer.SandboxVersion;
import dev.incept.classroom.notebook.Cell;
import dev.incept.classroom.notebook.Notebook;
import dev.incept.classroom.notebook.NotebookFile;

/**
 * Why an answer did not come back, in the words of the student's own run: the cell that should
 * have handed it failed (usually because an earlier cell did), never ran, ran out of time, or the
 * kernel died. This only explains; the score comes from the answers alone.
 */
final class HandBack {
    private HandBack() {
    }

    static String context(Notebook ran, String keyPrefix, KernelRun.Ending ending) {
        String lastFailure = null;
        int index = 0;
        for (Cell c : ran.cells()) {
            boolean hand = c.id().startsWith(SandboxVersion.HAND_ID_PREFIX);
            if (!hand) {
                index++;
            }
            String fate = c.json().path("metadata").path("incept").asText("not run");
            if (!hand) {
                if (c.isCode() && (fate.equals("error") || fate.equals("timeout") || fate.equals("kernel died"))) {
                    lastFailure = "cell " + index + (fate.equals("timeout") ? " ran out of time"
                            : fate.equals("kernel died") ? ": the kernel died (System.exit, or out of memory)" : " failed: " + NotebookFile.error(c));
                }
                continue;
            }
            if (!c.source().contains("\"" + keyPrefix + "|")) {
                continue;
            }
            String where = lastFailure == null ? "" : " after " + lastFailure;
            return switch (fate) {
                case "ok", "error" -> lastFailure == null ? "" : " (" + lastFailure + ")";
                case "timeout" -> " (it ran out of time)";
                case "kernel died" -> " (the kernel died" + where + ")";
                default -> " (the notebook stopped before this test" + (ending.problem().isEmpty() ? where : ": " + ending.problem()) + ")";
            };
        }
        return ending.problem().isEmpty() ? "" : " (" + ending.problem() + ")";
    }
}
