package dev.incept.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnexpectedTest {
    @Test
    void anUnforeseenFailureIsOneLineAndItsTraceGoesToALogFile() throws IOException {
        String line = Unexpected.report(new IllegalStateException("boom\nsecond line"), List.of("train", "--epochs", "2"));
        assertTrue(line.startsWith("unexpected IllegalStateException: boom; the details are in "), line);
        assertTrue(!line.contains("\n"), line);
        Path log = Path.of(line.substring(line.indexOf(" in ") + 4));
        String trace = Files.readString(log);
        assertTrue(trace.startsWith("incept train --epochs 2"), trace);
        assertTrue(trace.contains("at dev.incept.cli.UnexpectedTest"), trace);
        Files.delete(log);
    }

    @Test
    void runningOutOfMemorySaysWhatToChange() throws IOException {
        String line = Unexpected.report(new OutOfMemoryError("Java heap space"), List.of("train"));
        assertTrue(line.contains("ran out of memory") && line.contains("INCEPT_JAVA_OPTS=-Xmx") && line.contains("--batch"), line);
        Files.delete(Path.of(line.substring(line.indexOf(" in ") + 4)));
        // only the flags of the command that ran: sweep and assign take no --batch
        for (String command : List.of("sweep", "assign")) {
            String other = Unexpected.report(new OutOfMemoryError("Java heap space"), List.of(command, "x"));
            assertTrue(!other.contains("--batch") && !other.contains("--input") && other.contains("INCEPT_JAVA_OPTS"), other);
            Files.delete(Path.of(other.substring(other.lastIndexOf(" in ") + 4)));
        }
    }
}
