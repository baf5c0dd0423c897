package dev.incept.classroom.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradeReportTest {
    private static final ExpectedCheck SHAPE = new ExpectedCheck("q1", "shape", 1, false);
    private static final ExpectedCheck ARCH = new ExpectedCheck("q1", "3a <vs> reference", 4, true);
    private static final ExpectedCheck SAVED = new ExpectedCheck("q2", "saved", 3, true);
    private static final Grade G = new Grade("alice.ipynb", List.of(new CheckOutcome(SHAPE, 1, ""),
            new CheckOutcome(ARCH, 1, "3a/branch2: a 5x5 conv & more"), new CheckOutcome(SAVED, 0, "the condition is false")), "");

    @Test
    void resultsJsonFollowsGradescopesSchemaAndHidesNoReasons(@TempDir Path dir) throws Exception {
        GradeReport.write(G, dir);
        JsonNode r = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertEquals(2.0, r.get("score").asDouble());
        assertEquals(3, r.get("tests").size());
        JsonNode arch = r.get("tests").get(1);
        assertEquals("q1: 3a <vs> reference", arch.get("name").asText());
        assertEquals(4.0, arch.get("max_score").asDouble());
        assertEquals("3a/branch2: a 5x5 conv & more", arch.get("output").asText());
        assertTrue(Files.readString(dir.resolve("feedback.html")).contains("3a/branch2: a 5x5 conv &amp; more"));
        assertTrue(Files.readString(dir.resolve("feedback.md")).contains("| q2 | saved (hidden) | 0 / 3 | `the condition is false` |"));
    }

    @Test
    void aBatchBecomesCsvAndJunitXml(@TempDir Path dir) throws Exception {
        Grade bob = new Grade("bob, jr.ipynb", List.of(new CheckOutcome(SHAPE, 1, ""), new CheckOutcome(ARCH, 4, ""),
                new CheckOutcome(SAVED, 3, "")), "");
        GradeReport.writeCsv(List.of(G, bob), List.of("q1", "q2"), dir.resolve("grades.csv"));
        assertEquals(List.of("submission,q1,q2,total", "alice.ipynb,2,0,2", "\"bob, jr.ipynb\",5,3,8"), Files.readAllLines(dir.resolve("grades.csv")));
        GradeReport.writeJunit(List.of(G, bob), dir.resolve("junit.xml"));
        String xml = Files.readString(dir.resolve("junit.xml"));
        assertTrue(xml.contains("<testsuite name=\"alice.ipynb\" tests=\"3\" failures=\"2\">"), xml);
        assertTrue(xml.contains("<testcase classname=\"q1\" name=\"3a &lt;vs&gt; reference\">"), xml);
        assertTrue(xml.contains("<testsuite name=\"bob, jr.ipynb\" tests=\"3\" failures=\"0\">"), xml);
    }

    @Test
    void aSubmissionsNameNeverPutsItsGradeOutsideTheGradesFolder(@TempDir Path dir) throws Exception {
        Path grades = Files.createDirectories(dir.resolve("grades"));
        for (String name : List.of("...ipynb", "..ipynb", ".ipynb", "..", "alice.ipynb", ".hidden.ipynb", "grades.csv.ipynb")) {
            Path folder = grades.resolve(GradeReport.folder(name)).normalize();
            assertEquals(grades, folder.getParent(), name + " -> " + folder);
            GradeReport.write(new Grade(name, G.outcomes(), ""), folder);
        }
        try (var s = Files.list(dir)) {
            assertEquals(List.of(grades), s.toList(), "nothing written next to the grades folder");
        }
        assertEquals("alice", GradeReport.folder("alice.ipynb"));
        assertEquals("_..", GradeReport.folder("...ipynb"));
        assertEquals("_grades.csv", GradeReport.folder("grades.csv.ipynb"), "the class's grades.csv is not in its way");
    }

    @Test
    void textAStudentChoseStaysInItsOwnCellOfEveryReport(@TempDir Path dir) throws Exception {
        String forged = "x\n# mallory.ipynb: 11 / 11 points\r\n| q2 | saved | 3 / 3 | |\u0001<!-- ]]>";
        Grade mallory = new Grade("=HYPERLINK(\"http://evil\")\nalice.ipynb,11,11,11\u202Ebnypi.ecila", List.of(new CheckOutcome(SHAPE, 0, forged),
                new CheckOutcome(ARCH, 0, forged), new CheckOutcome(SAVED, 0, forged)), forged);
        GradeReport.write(mallory, dir.resolve("one"));
        List<String> md = Files.readAllLines(dir.resolve("one/feedback.md"));
        assertTrue(md.get(0).startsWith("# ") && md.get(0).endsWith(": 0 / 8 points"), md.get(0));
        assertEquals(1, md.stream().filter(l -> l.startsWith("#")).count(), String.join("\n", md));
        assertEquals(2 + 3, md.stream().filter(l -> l.startsWith("|")).count(), "the header, its rule and one row per check");
        // inside a code span a comment opener is text; outside one there is none
        assertTrue(md.stream().map(l -> l.replaceAll("(`+)(?:(?!\\1).)+\\1", "")).noneMatch(l -> l.contains("<!--")), String.join("\n", md));
        String html = Files.readString(dir.resolve("one/feedback.html"));
        assertTrue(!html.contains("<!--") && !html.contains("\u0001") && !html.contains("\u202E"), html);
        assertTrue(md.stream().noneMatch(l -> l.contains("\u202E")), "no name shown reversed");

        GradeReport.writeCsv(List.of(mallory, G), List.of("q1", "q2"), dir.resolve("grades.csv"));
        List<String> csv = Files.readAllLines(dir.resolve("grades.csv"));
        assertEquals(3, csv.size(), String.join("\n", csv));
        assertTrue(csv.get(1).startsWith("\"'=HYPERLINK(") && csv.get(1).endsWith(",0,0,0"), csv.get(1));

        GradeReport.writeJunit(List.of(mallory, G), dir.resolve("junit.xml"));
        org.w3c.dom.Document xml = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(dir.resolve("junit.xml").toFile());
        assertEquals(2, xml.getElementsByTagName("testsuite").getLength());
        assertEquals(5, xml.getElementsByTagName("failure").getLength());
    }

    @Test
    void noTextAStudentChoseBecomesMarkdownAndAReasonIsCutSayingSo() {
        String reason = "![pic](http://tracker.example/p.png) [click](javascript:alert(1)) <img src=x> a \\| b `tick` *bold* "
                + "x".repeat(5_000_000);
        Grade g = new Grade("![me](http://e/x.png)`.ipynb", List.of(new CheckOutcome(SAVED, 0, reason)), "");
        String md = GradeReport.feedback(g);
        assertTrue(md.length() < 2_000, "bounded: " + md.length());
        assertTrue(md.startsWith("# ``![me](http://e/x.png)`.ipynb``: 0 / 3 points"), md);
        String row = md.lines().filter(l -> l.startsWith("| q2")).findFirst().orElseThrow();
        assertTrue(row.startsWith("| q2 | saved (hidden) | 0 / 3 | ``![pic](http://tracker.example/p.png) [click](javascript:alert(1)) <img src=x> a \\\u200B\\| b "), row);
        assertTrue(row.endsWith("... (cut: " + (reason.length() - CheckOutcome.MAX_REASON) + " more characters)`` |"), row);
        // every pipe but the row's own is escaped: the row keeps its five cell boundaries
        assertEquals(5, java.util.regex.Pattern.compile("(?<!\\\\)\\|").matcher(row).results().count(), row);
        assertEquals("q2 \\[hidden\\] \\<b\\>", GradeReport.md("q2 [hidden] <b>"));
    }

    @Test
    void aSubmissionWhoseReportsCannotBeWrittenCostsOnlyThoseAndGradesCsvHoldsEveryGrade(@TempDir Path dir) throws Exception {
        Path grades = Files.createDirectories(dir.resolve("grades"));
        Files.writeString(grades.resolve("bob"), "a file where bob's folder would go");
        Grade bob = new Grade("bob.ipynb", G.outcomes(), "");
        Grade carol = new Grade("carol.ipynb", G.outcomes(), "");
        List<String> unwritten = GradeReport.writeClass(List.of(G, bob, carol), List.of("alice", "bob", "carol"), List.of("q1", "q2"), grades);
        assertEquals(1, unwritten.size(), unwritten.toString());
        assertTrue(unwritten.get(0).startsWith("bob.ipynb ("), unwritten.get(0));
        assertTrue(Files.isRegularFile(grades.resolve("alice/feedback.md")) && Files.isRegularFile(grades.resolve("carol/feedback.md")));
        assertEquals(4, Files.readAllLines(grades.resolve(GradeReport.CSV)).size(), "a header and every grade");
    }
}
