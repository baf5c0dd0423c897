package dev.incept.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What the user sees when incept fails in a way no check foresaw: one line saying what happened
 * and where the full trace went, a log file in the temporary folder, because a stack trace on
 * the terminal helps nobody who did not write the code and hides the one line that matters.
 */
final class Unexpected {
    private Unexpected() {
    }

    /** Writes the trace of {@code e} to a log file; returns the line to print. */
    static String report(Throwable e, List<String> argv) {
        String what = e instanceof OutOfMemoryError
                ? "the Java heap ran out of memory (raise it with INCEPT_JAVA_OPTS=-Xmx...g" + lighter(argv.isEmpty() ? "" : argv.get(0)) + ")"
                : "unexpected " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage()));
        try {
            Path log = Files.createTempFile("incept-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-", ".log");
            StringWriter trace = new StringWriter();
            try (PrintWriter w = new PrintWriter(trace)) {
                w.println("incept " + String.join(" ", argv));
                e.printStackTrace(w);
            }
            Files.writeString(log, trace.toString(), StandardCharsets.UTF_8);
            return what + "; the details are in " + log;
        } catch (IOException | RuntimeException logFailed) {
            return what + " (and no log could be written: " + logFailed.getMessage() + ")";
        }
    }

    /** What else makes {@code command} lighter, in its own options: none where it has no such option. */
    static String lighter(String command) {
        return switch (command) {
            case "train", "eval" -> ", or use a smaller --batch or --input";
            case "summary", "diff" -> ", or a smaller --input";
            case "sweep" -> ", or a smaller batch or input in the sweep's settings";
            case "assign" -> ", or grade with fewer --jobs";
            default -> "";
        };
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
