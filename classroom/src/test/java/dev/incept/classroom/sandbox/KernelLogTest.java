package dev.incept.classroom.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelLogTest {
    @Test
    void bytesAStudentWroteToTheKernelsRawOutputAreReadAsTextNeverThrown(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("kernel.log");
        byte[] junk = {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28, 0x1b, 0x07};
        Files.write(log, "x".repeat(100_000).getBytes());
        Files.write(log, junk, java.nio.file.StandardOpenOption.APPEND);
        Files.write(log, "\nkernel could not start: boom\n".getBytes(), java.nio.file.StandardOpenOption.APPEND);
        String tail = KernelRun.logTail(log);
        assertTrue(tail.length() <= KernelRun.LOG_TAIL_BYTES, "only the end is read");
        assertEquals("kernel could not start: boom", tail.lines().reduce((a, b) -> b).orElseThrow());
        assertTrue(tail.contains("\uFFFD"), "invalid bytes replaced");
        assertEquals("", KernelRun.logTail(dir.resolve("absent.log")));
    }
}
