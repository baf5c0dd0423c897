package dev.incept.classroom.grade;

import dev.incept.storage.DurableFile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A grade as files: results.json in Gradescope's schema (score; per test name, score, max_score,
 * output, visibility), feedback.md for the student, and grades.csv for a whole batch. A hidden
 * check shows its name, points and message, never its code.
 *
 * <p>A submission's name and the reasons points were lost carry text the student chose (a file
 * name, an exception's message), so each format gets it with nothing that could end a row, add
 * one, open a comment or break the file: a forged "11 / 11" line, a CSV row or a spreadsheet
 * formula must stay inside its own cell.
 */
public final class GradeReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The ASCII punctuation that Markdown or HTML reads as markup, escaped in the instructor's text. */
    private static final String MARKUP = "\\`*_{}[]()#+-!|<>&~";
    /** The class's grades, in the grades folder beside each submission's folder. */
    public static final String CSV = "grades.csv";

    private GradeReport() {
    }

    /**
     * The folder, inside the grades folder, for the submission named {@code fileName}: the name
     * without ".ipynb", except that a name the student chose must never be the grades folder itself
     * or its parent ("...ipynb" would write into the folder above it), nor {@link #CSV}.
     */
    public static String folder(String fileName) {
        String stem = fileName.endsWith(".ipynb") ? fileName.substring(0, fileName.length() - 6) : fileName;
        // nor the class's grades.csv, which the folder would stand in the way of
        return stem.isEmpty() || stem.chars().allMatch(c -> c == '.') || stem.equalsIgnoreCase(CSV) ? "_" + stem : stem;
    }

    public static void write(Grade g, Path dir) throws IOException {
        Files.createDirectories(dir);
        ObjectNode root = JSON.createObjectNode();
        root.put("score", g.total());
        ArrayNode tests = root.putArray("tests");
        for (CheckOutcome o : g.outcomes()) {
            tests.addObject().put("name", o.check().question() + ": " + o.check().name()).put("score", o.score())
                    .put("max_score", o.check().max()).put("output", o.message()).put("visibility", "visible");
        }
        DurableFile.write(dir.resolve("results.json"), JSON.writeValueAsBytes(root));
        DurableFile.write(dir.resolve("feedback.md"), feedback(g).getBytes(StandardCharsets.UTF_8));
        DurableFile.write(dir.resolve("feedback.html"), html(g).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A class's reports: each grade's files in {@code dir}/its folder, then {@link #CSV} with every
     * grade. One submission's files that cannot be written cost only those files; returns, for each,
     * the submission and why (empty when all were written).
     */
    public static List<String> writeClass(List<Grade> grades, List<String> folders, List<String> questions, Path dir) throws IOException {
        List<String> unwritten = new java.util.ArrayList<>();
        for (int i = 0; i < grades.size(); i++) {
            try {
                write(grades.get(i), dir.resolve(folders.get(i)));
            } catch (IOException | RuntimeException e) {
                unwritten.add(line(grades.get(i).submission()) + " (" + line(String.valueOf(e.getMessage())) + ")");
            }
        }
        writeCsv(grades, questions, dir.resolve(CSV));
        return unwritten;
    }

    /** The feedback as a standalone page (no scripts, no remote styles). */
    static String html(Grade g) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(esc(g.submission())).append("</title><style>body{font-family:sans-serif;margin:2em}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}"
                        + ".lost{background:#fff3f0}</style></head><body>\n");
        sb.append("<h1>").append(esc(g.submission())).append(": ").append(num(g.total())).append(" / ").append(num(g.max())).append(" points</h1>\n");
        if (!g.problem().isEmpty()) {
            sb.append("<p>Note: ").append(esc(g.problem())).append("</p>\n");
        }
        sb.append("<table><tr><th>question</th><th>check</th><th>points</th><th>why points were lost</th></tr>\n");
        for (CheckOutcome o : g.outcomes()) {
            boolean lost = o.score() < o.check().max();
            sb.append(lost ? "<tr class=\"lost\">" : "<tr>").append("<td>").append(esc(o.check().question())).append("</td><td>")
                    .append(esc(o.check().name())).append(o.check().hidden() ? " (hidden)" : "").append("</td><td>")
                    .append(num(o.score())).append(" / ").append(num(o.check().max())).append("</td><td>")
                    .append(lost ? esc(o.message()) : "").append("</td></tr>\n");
        }
        return sb.append("</table></body></html>\n").toString();
    }

    /** A batch as JUnit XML, for GitHub Classroom or any CI: a suite per submission, a case per check. */
    public static void writeJunit(List<Grade> grades, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
        for (Grade g : grades) {
            long failures = g.outcomes().stream().filter(o -> o.score() < o.check().max()).count();
            sb.append("  <testsuite name=\"").append(esc(g.submission())).append("\" tests=\"").append(g.outcomes().size())
                    .append("\" failures=\"").append(failures).append("\">\n");
            for (CheckOutcome o : g.outcomes()) {
                sb.append("    <testcase classname=\"").append(esc(o.check().question())).append("\" name=\"").append(esc(o.check().name()))
                        .append("\"");
                if (o.score() < o.check().max()) {
                    sb.append(">\n      <failure message=\"").append(esc(num(o.score()) + " / " + num(o.check().max()) + ": " + o.message()))
                            .append("\"/>\n    </testcase>\n");
                } else {
                    sb.append("/>\n");
                }
            }
            sb.append("  </testsuite>\n");
        }
        DurableFile.write(file, sb.append("</testsuites>\n").toString().getBytes(StandardCharsets.UTF_8));
    }

    /** For HTML and XML: markup escaped, and the control characters XML 1.0 forbids replaced. */
    private static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(bidi(c) ? ' ' : xmlChar(c, i, s) ? c : '\uFFFD');
            }
        }
        return sb.toString();
    }

    private static boolean xmlChar(char c, int i, String s) {
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
        }
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
    }

    /**
     * One line of text: every control character (line breaks included) becomes a space, and so does
     * every bidirectional override, which would show a name reversed, as another student's.
     */
    public static String line(String s) {
        return s.codePoints().map(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || bidi(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static boolean bidi(int c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    /**
     * The instructor's text (a question, a check's name) for a Markdown table or heading: one line,
     * every character Markdown or HTML gives a meaning backslash-escaped, so it is shown as written
     * and never read as markup, a link, an entity or a cell boundary.
     */
    static String md(String s) {
        StringBuilder sb = new StringBuilder();
        line(s).codePoints().forEach(c -> {
            if (MARKUP.indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.appendCodePoint(c);
        });
        return sb.toString();
    }

    /**
     * Text the student chose (a file name, a reason that carries an exception's message) for a
     * Markdown table or heading: one line as a code span, where nothing is markup: no image fetched
     * when the feedback is viewed, no link, no HTML. Its fence is longer than any run of backticks
     * in it, and a pipe is escaped, since a table splits its cells before it reads code spans.
     */
    static String code(String s) {
        String one = line(s);
        if (one.isBlank()) {
            return "";
        }
        int longest = 0;
        for (int i = 0, run = 0; i < one.length(); i++) {
            run = one.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String pad = one.startsWith("`") || one.endsWith("`") || (one.startsWith(" ") && one.endsWith(" ")) ? " " : "";
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < one.length(); i++) {
            char c = one.charAt(i);
            if (c == '|') {
                // a backslash of the student's own before a pipe would escape the escape: a zero-width
                // space keeps them apart, for renderers that count backslashes and those that do not
                if (i > 0 && one.charAt(i - 1) == '\\') {
                    body.append('\u200B');
                }
                body.append('\\');
            }
            body.append(c);
        }
        return fence + pad + body + pad + fence;
    }

    static String feedback(Grade g) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(code(g.submission())).append(String.format(Locale.ROOT, ": %s / %s points%n%n", num(g.total()), num(g.max())));
        if (!g.problem().isEmpty()) {
            sb.append("Note: ").append(code(g.problem())).append("\n\n");
        }
        sb.append("| question | check | points | why points were lost |\n|---|---|---|---|\n");
        for (CheckOutcome o : g.outcomes()) {
            sb.append("| ").append(md(o.check().question())).append(" | ").append(md(o.check().name())).append(o.check().hidden() ? " (hidden)" : "")
                    .append(" | ").append(num(o.score())).append(" / ").append(num(o.check().max())).append(" | ")
                    .append(o.score() >= o.check().max() ? "" : code(o.message())).append(" |\n");
        }
        return sb.toString();
    }

    /** One row per submission, one column per question, and the total. */
    public static void writeCsv(List<Grade> grades, List<String> questions, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("submission");
        questions.forEach(q -> sb.append(',').append(q));
        sb.append(",total\n");
        for (Grade g : grades) {
            Map<String, Double> by = g.byQuestion();
            sb.append(csv(g.submission()));
            questions.forEach(q -> sb.append(',').append(num(by.getOrDefault(q, 0.0))));
            sb.append(',').append(num(g.total())).append('\n');
        }
        DurableFile.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** One CSV field: quoted when it holds a comma or quote, never a line break, never a formula a spreadsheet would run. */
    private static String csv(String s) {
        String one = line(s);
        if (!one.isEmpty() && "=+-@".indexOf(one.charAt(0)) >= 0) {
            one = "'" + one;
        }
        return one.contains(",") || one.contains("\"") ? "\"" + one.replace("\"", "\"\"") + "\"" : one;
    }

    /** Points as a person writes them: 3, 2.5. */
    public static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }
}
