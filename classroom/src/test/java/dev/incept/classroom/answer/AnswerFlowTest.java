package dev.incept.classroom.answer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incept.classroom.Notebooks;
import dev.incept.classroom.assign.Assignment;
import dev.incept.classroom.assign.StudentVersion;
import dev.incept.classroom.notebook.Cell;
import dev.incept.classroom.notebook.Notebook;
import dev.incept.classroom.notebook.NotebookFile;
import dev.incept.spec.Network;
import dev.incept.json.SpecJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswerFlowTest {
    static final Notebook INSTRUCTOR = Notebooks.of(
            "setup", "%use incept\nval limit = 10",
            "answer", "fun f(n: Int): Int {\n    // BEGIN SOLUTION\n    return 42 + n\n    // END SOLUTION\n}\nval x = f(0)",
            "uses-answer", "val y = x + 1",
            "public", "// TEST q1\ncheck(\"x is positive\", 1.0) { x > 0 } // y and \"f(9)\" are not read here",
            "hidden", "// HIDDEN TEST q1\ncheck(\"f(3) is 45\", 2.0) { f(3) == 45 && y == 43 }");

    static final Assignment A = Assignment.of("a1", INSTRUCTOR);

    @Test
    void studentCellsAreTheSolutionsAndWhatUsesThemTestsReadNamesAndLiteralCalls() {
        AnswerPlan plan = AnswerPlan.of(A);
        assertEquals(java.util.Set.of("answer", "uses-answer"), plan.studentCells());
        assertEquals(List.of("setup"), plan.setup().stream().map(Cell::id).toList());
        assertEquals(List.of(new AnswerPlan.Use("x", "x", false)), plan.tests().get(0).uses());
        assertEquals(List.of(new AnswerPlan.Use("f", "f(3)", true), new AnswerPlan.Use("y", "y", false)), plan.tests().get(1).uses());
    }

    @Test
    void theSandboxRunsTheStudentsCellsWithNoTestCellOnlyHandBacks() {
        Notebook submission = StudentVersion.solution(A).withCells(List.of(
                INSTRUCTOR.cell("setup").orElseThrow(),
                INSTRUCTOR.cell("answer").orElseThrow(),
                INSTRUCTOR.cell("uses-answer").orElseThrow(),
                INSTRUCTOR.cell("public").orElseThrow().withLines(List.of("// TEST q1", "check(\"forged\", 9.0) { true }")),
                INSTRUCTOR.cell("setup").orElseThrow().withLines(List.of("// HIDDEN TEST q1", "println(1)")).withId("added")));
        SandboxVersion box = SandboxVersion.of(AnswerPlan.of(A), submission);
        String text = NotebookFile.write(box.notebook());
        assertFalse(text.contains("TEST") || text.contains("45") || text.contains("forged"), text);
        assertEquals(List.of("setup", "answer", "uses-answer", "incept-hand-1", "incept-hand-2", "incept-hand-3"),
                box.notebook().cells().stream().map(Cell::id).toList());
        assertEquals(List.of("dev.incept.jupyter.Answers.hand(\"t0|f(3)\") { f(3) }"), box.notebook().cell("incept-hand-2").orElseThrow().lines());
        assertEquals(List.of("t0", "t0"), box.keyPrefixes());
    }

    @Test
    void theCheckKernelRunsOnlyInstructorCodeOnAnswersReadAsData() {
        AnswerPlan plan = AnswerPlan.of(A);
        HandedAnswers handed = new HandedAnswers(Map.of(
                "t0|x", AnswerCodec.encode(42).put("key", "t0|x"),
                "t0|f(3)", AnswerCodec.encode(45).put("key", "t0|f(3)"),
                "t0|y", AnswerCodec.encode(43).put("key", "t0|y")));
        CheckVersion check = CheckVersion.of(plan, 0, List.of("t0", "t0"), handed, "/box/answers.jsonl", "0123abcd");
        assertEquals(Map.of(), check.skipped());
        Notebook notebook = CheckVersion.notebook(plan, List.of(check));
        String text = String.join("\n", notebook.cells().stream().map(Cell::source).toList());
        assertFalse(text.contains("return 42"), "no student code in the check kernel: " + text);
        assertTrue(text.contains("val x = dev.incept.jupyter.Answers.int(\"0123abcd\", \"t0|x\")"), text);
        assertTrue(text.contains("val incept_answer_1 = dev.incept.jupyter.Answers.int(\"0123abcd\", \"t0|f(3)\")"), text);
        assertTrue(text.contains("dev.incept.jupyter.check(\"f(3) is 45\", 2.0) { incept_answer_1 == 45 && y == 43 }"), text);
        assertTrue(text.contains("dev.incept.jupyter.Grading.question(\"q1\", \"0123abcd\")"), text);
    }

    @Test
    void oneGradingKernelChecksManySubmissionsEachPartWithItsOwnAnswersAndToken() {
        AnswerPlan plan = AnswerPlan.of(A);
        HandedAnswers none = new HandedAnswers(Map.of("t0|x", AnswerCodec.encode(1).put("key", "t0|x")));
        List<CheckVersion> parts = List.of(
                CheckVersion.of(plan, 0, List.of("t0", "t0"), none, "/box/answers/answers-0.jsonl", "token0"),
                CheckVersion.of(plan, 1, List.of("t0", "t0"), none, "/box/answers/answers-1.jsonl", "token1"));
        Notebook batch = CheckVersion.notebook(plan, parts);
        int header = CheckVersion.header(plan).size();
        assertEquals(List.of("setup", "incept-answers-s0", "incept-test-q1-1-s0",
                "incept-answers-s1", "incept-test-q1-1-s1"), batch.cells().stream().map(Cell::id).toList());
        Notebook second = parts.get(1).part(batch, header);
        assertEquals(List.of("setup", "incept-answers-s1", "incept-test-q1-1-s1"), second.cells().stream().map(Cell::id).toList());
        assertTrue(second.cells().get(1).source().contains("answers-1.jsonl") && second.cells().get(2).source().contains("token1")
                && second.cells().get(2).source().contains("val x = dev.incept.jupyter.Answers.int(\"token1\", \"t0|x\")")
                && second.cells().get(1).source().contains("Answers.load(\"/box/answers/answers-1.jsonl\", \"token1\")"));
    }

    @Test
    void aTestWhoseAnswerDidNotComeBackIsSkippedWithTheReason() {
        HandedAnswers handed = new HandedAnswers(Map.of(
                "t0|x", AnswerCodec.JSON.createObjectNode().put("error", "it threw IllegalStateException: boom").put("key", "t0|x")));
        CheckVersion check = CheckVersion.of(AnswerPlan.of(A), 0, List.of("t0", "t0"), handed, "/a", "t");
        assertEquals(Map.of(0, "`x` could not be handed back: it threw IllegalStateException: boom", 1, "`f(3)` was not handed back"), check.skipped());
    }

    @Test
    void anAnswerLineOfAMadeUpKindCostsOnlyItsTest() {
        HandedAnswers handed = new HandedAnswers(Map.of(
                "t0|x", AnswerCodec.JSON.createObjectNode().put("kind", "java.lang.Runtime").put("value", 1).put("key", "t0|x")));
        CheckVersion check = CheckVersion.of(AnswerPlan.of(A), 0, List.of("t0", "t0"), handed, "/a", "t");
        assertEquals("`x` was handed back as no kind of answer (" + AnswerCodec.KINDS + ")", check.skipped().get(0));
    }

    @Test
    void handedAnswersKeepTheFirstLinePerKeyAndIgnoreDamagedLines(@TempDir Path dir) throws Exception {
        Path channel = dir.resolve("answers.jsonl");
        HandedAnswers.hand(channel, "k1", () -> 7L);
        Files.writeString(channel, "{not json\n\u0000\u0001\n{\"key\":\"k1\",\"kind\":\"long\",\"value\":8}\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        HandedAnswers.hand(channel, "k2", () -> {
            throw new IllegalStateException("boom");
        });
        HandedAnswers.hand(channel, "k3", Thread::currentThread);
        HandedAnswers read = HandedAnswers.read(channel);
        assertEquals(7L, read.value("k1"));
        assertEquals("it threw IllegalStateException: boom", assertThrows(IllegalStateException.class, () -> read.value("k2")).getMessage());
        assertTrue(assertThrows(IllegalStateException.class, () -> read.value("k3")).getMessage().contains(AnswerCodec.KINDS));
        assertEquals("no answer was handed back for k4", assertThrows(IllegalStateException.class, () -> read.value("k4")).getMessage());
        assertTrue(HandedAnswers.read(dir.resolve("absent")).byKey().isEmpty());
    }

    @Test
    void answersRoundTripAsDataAndANetworkComesBackAsItsDescription() {
        Network n = dev.incept.zoo.Zoo.get("googlenet").build(dev.incept.zoo.ModelConfig.imagenet(224));
        assertEquals(SpecJson.write(n), SpecJson.write((Network) AnswerCodec.decode(AnswerCodec.encode(n))));
        assertArrayEquals(new long[] {1, 2}, (long[]) AnswerCodec.decode(AnswerCodec.encode(new long[] {1, 2})));
        assertEquals(List.of(1.5, "a", true), AnswerCodec.decode(AnswerCodec.encode(List.of(1.5, "a", true))));
        assertThrows(IllegalArgumentException.class, () -> AnswerCodec.decode(AnswerCodec.JSON.createObjectNode().put("kind", "long").put("value", "x")));
        assertThrows(IllegalArgumentException.class, () -> AnswerCodec.reader("java.lang.Runtime"));
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 60, unit = java.util.concurrent.TimeUnit.SECONDS)
    void aChannelOfJunkLinesIsReadInBoundedTimeAndKeepsTheAnswersBeforeIt(@TempDir Path dir) throws Exception {
        Path channel = dir.resolve("answers.jsonl");
        HandedAnswers.hand(channel, "t0|x", () -> 2);
        Files.writeString(channel, "}\n".repeat(15_000_000), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        HandedAnswers.hand(channel, "t0|y", () -> 3);
        HandedAnswers read = HandedAnswers.read(channel);
        assertEquals(2, read.value("t0|x"));
        assertFalse(read.get("t0|y").isPresent(), "past the lines looked at, nothing more is read");
    }

    @Test
    void anAnswerOfMillionsOfNodesIsRefusedBeforeItIsParsedWhole(@TempDir Path dir) throws Exception {
        Path channel = dir.resolve("answers.jsonl");
        String huge = "{\"key\":\"t0|x\",\"kind\":\"list\",\"value\":[" + "{},".repeat(7_000_000) + "{}]}\n";
        String deep = "{\"key\":\"t0|y\",\"kind\":\"list\",\"value\":" + "[".repeat(100) + "]".repeat(100) + "}\n";
        Files.writeString(channel, huge + deep, StandardCharsets.UTF_8);
        HandedAnswers.hand(channel, "t0|x", () -> 1);
        HandedAnswers.hand(channel, "t0|z", () -> 5);
        HandedAnswers read = HandedAnswers.read(channel, key -> !key.equals("t0|z"));
        assertEquals(1, read.value("t0|x"), "the oversized line hands back nothing; the real answer after it counts");
        assertFalse(read.get("t0|y").isPresent(), "nested past the bound");
        assertFalse(read.get("t0|z").isPresent(), "a key no test reads is not kept");
        Path copy = dir.resolve("copy.jsonl");
        read.write(copy);
        assertEquals(List.of("t0|x"), List.copyOf(HandedAnswers.read(copy).byKey().keySet()));
    }
}
