package dev.incept.classroom.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class NotebookFileTest {
    private static final String NOTEBOOK = "{\"cells\":[{\"cell_type\":\"code\",\"id\":\"a\",\"source\":[\"1\"]}],\"metadata\":{},\"nbformat\":4,\"nbformat_minor\":5}";

    @Test
    void aHandedInNotebookIsReadWhenItIsARegularFile(@TempDir Path dir) throws Exception {
        Path nb = Files.writeString(dir.resolve("hw.ipynb"), NOTEBOOK);
        assertEquals(1, NotebookFile.readHandedIn(nb).cells().size());
    }

    @Test
    void aHandedInLinkIsRefusedRatherThanGradedAsTheFileItNames(@TempDir Path dir) throws Exception {
        Path solution = Files.writeString(dir.resolve("instructor.ipynb"), NOTEBOOK);
        Path link = Files.createSymbolicLink(dir.resolve("hw.ipynb"), Path.of("instructor.ipynb"));
        NotebookException e = assertThrows(NotebookException.class, () -> NotebookFile.readHandedIn(link));
        assertEquals("hw.ipynb: a symbolic link, not a notebook (hand in the notebook file itself)", e.getMessage());
        assertTrue(Files.exists(solution));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aHandedInPipeIsRefusedWithoutWaitingForAWriter(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("hw.ipynb");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        NotebookException e = assertThrows(NotebookException.class, () -> NotebookFile.readHandedIn(fifo));
        assertEquals("hw.ipynb: not a regular file (hand in the notebook file itself)", e.getMessage());
    }

    @Test
    void aNotebookNestedDeeperThanAnyRealOneIsNotANotebookRatherThanAStackOverflow(@TempDir Path dir) throws Exception {
        Path deep = Files.writeString(dir.resolve("deep.ipynb"), "[".repeat(200_000) + "]".repeat(200_000));
        NotebookException e = assertThrows(NotebookException.class, () -> NotebookFile.readHandedIn(deep));
        assertTrue(e.getMessage().startsWith("deep.ipynb: not a notebook"), e.getMessage());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aValidNotebookOfMillionsOfEmptyCellsIsRefusedBeforeItIsParsedWhole(@TempDir Path dir) throws Exception {
        String cells = "{}," .repeat(8_000_000);
        Path many = Files.writeString(dir.resolve("many.ipynb"), "{\"cells\":[" + cells + "{}],\"metadata\":{},\"nbformat\":4,\"nbformat_minor\":5}");
        NotebookException e = assertThrows(NotebookException.class, () -> NotebookFile.readHandedIn(many));
        assertTrue(e.getMessage().startsWith("many.ipynb: not a notebook (JSON longer than 4,000,000 JSON tokens)"), e.getMessage());
    }

    @Test
    void aNotebookWithMoreCellsOrOutputsThanAnyCourseUsesIsRefusedInOneLine() {
        String cell = "{\"cell_type\":\"code\",\"source\":\"\",\"outputs\":[]}";
        String many = "{\"cells\":[" + String.join(",", java.util.Collections.nCopies(NotebookFile.MAX_CELLS + 1, cell)) + "],\"nbformat\":4}";
        NotebookException e = assertThrows(NotebookException.class, () -> NotebookFile.parse(many, "hw.ipynb"));
        assertEquals("hw.ipynb: 10001 cells, more than a notebook graded here may hold (10000)", e.getMessage());
        String outputs = "{\"cells\":[{\"cell_type\":\"code\",\"source\":\"\",\"outputs\":[" + String.join(",",
                java.util.Collections.nCopies(NotebookFile.MAX_OUTPUTS + 1, "1")) + "]}],\"nbformat\":4}";
        e = assertThrows(NotebookException.class, () -> NotebookFile.parse(outputs, "hw.ipynb"));
        assertTrue(e.getMessage().startsWith("hw.ipynb: 100001 outputs and 0 attachments, more than"), e.getMessage());
    }
}
