package dev.incept.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableFileTest {
    private static final byte[] OLD = "the good checkpoint".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NEW = new byte[100_000];

    @Test
    void aFullDiskLeavesThePreviousFileAsItWasAndSaysSoInOneLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("checkpoint.incept");
        DurableFile.write(file, OLD);
        for (boolean silent : new boolean[] {false, true}) {
            for (long room : new long[] {0, 1, 4096, NEW.length - 1}) {
                StorageException e = assertThrows(StorageException.class,
                        () -> DurableFile.write(file, NEW, FullDisk.withRoomFor(room, silent)));
                String why = silent ? "the disk took " + room + " of " + NEW.length + " bytes" : "No space left on device";
                assertTrue(e.getMessage().contains(why), e.getMessage());
                assertTrue(e.getMessage().contains("the previous checkpoint.incept was left as it was"), e.getMessage());
                assertFalse(e.getMessage().contains("\n"), "one line");
                assertArrayEquals(OLD, Files.readAllBytes(file), "room for " + room + " bytes");
                assertEquals(List.of(file), files(dir), "no temporary file left behind");
            }
        }
    }

    @Test
    void whatWasWrittenIsReadBackBeforeItReplacesTheOldFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("metrics.csv");
        DurableFile.write(file, OLD);
        // a disk that drops one byte: the write "succeeds" with the wrong content
        DurableFile.Opener lossy = f -> {
            Files.write(f, new byte[] {1});
            return DurableFile.openForWriting(dir.resolve("elsewhere"));
        };
        StorageException e = assertThrows(StorageException.class, () -> DurableFile.write(file, NEW, lossy));
        assertTrue(e.getMessage().contains("read back differs"), e.getMessage());
        assertArrayEquals(OLD, Files.readAllBytes(file));
    }

    @Test
    void aCompleteWriteReplacesTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("curves.png");
        DurableFile.write(file, OLD);
        DurableFile.write(file, NEW);
        assertArrayEquals(NEW, Files.readAllBytes(file));
        assertEquals(List.of(file), files(dir));
    }

    @Test
    void aSymbolicLinkIsRefusedAndNeitherItNorItsTargetChanges(@TempDir Path dir) throws IOException {
        Path target = Files.write(dir.resolve("precious.txt"), OLD);
        Path link = Files.createSymbolicLink(dir.resolve("model.onnx"), target);
        StorageException e = assertThrows(StorageException.class, () -> DurableFile.write(link, NEW));
        assertTrue(e.getMessage().contains("is a symbolic link, not a regular file"), e.getMessage());
        assertTrue(Files.isSymbolicLink(link));
        assertArrayEquals(OLD, Files.readAllBytes(target));
    }

    @Test
    void aFolderOrANamedPipeIsRefusedNotReplaced(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("out"));
        assertTrue(assertThrows(StorageException.class, () -> DurableFile.write(folder, NEW)).getMessage().contains("is a folder"));
        assertTrue(Files.isDirectory(folder));
        // a FIFO stands for the device files (/dev/full, /dev/null) that a test must not touch
        Path fifo = dir.resolve("pipe");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mk.waitFor());
        StorageException e = assertThrows(StorageException.class, () -> DurableFile.write(fifo, NEW));
        assertTrue(e.getMessage().contains("a device, pipe or other special file"), e.getMessage());
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo));
    }

    @Test
    void aLinkPlantedUnderTheTemporaryNameIsNotFollowed(@TempDir Path dir) throws IOException {
        Path victim = Files.write(dir.resolve("elsewhere"), OLD);
        Files.createSymbolicLink(dir.resolve(".metrics.csv" + DurableFile.TEMPORARY_SUFFIX), victim);
        DurableFile.write(dir.resolve("metrics.csv"), NEW);
        assertArrayEquals(OLD, Files.readAllBytes(victim));
        assertArrayEquals(NEW, Files.readAllBytes(dir.resolve("metrics.csv")));
    }

    @Test
    void temporaryFilesOfAnInterruptedWriteAreRemovedAtTheNextStart(@TempDir Path dir) throws IOException {
        Path kept = dir.resolve("checkpoint.incept");
        Files.write(kept, OLD);
        Files.write(dir.resolve(".checkpoint.incept" + DurableFile.TEMPORARY_SUFFIX), new byte[7]);
        Files.write(dir.resolve(".metrics.csv" + DurableFile.TEMPORARY_SUFFIX), new byte[7]);
        DurableFile.removeStale(dir);
        assertEquals(List.of(kept), files(dir));
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().equals("elsewhere")).sorted().toList();
        }
    }
}
