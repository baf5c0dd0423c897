package dev.incept.classroom.answer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incept.classroom.assign.Outputs;
import dev.incept.classroom.assign.SolutionRegions;
import dev.incept.classroom.notebook.Cell;
import dev.incept.classroom.notebook.Notebook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notebook the grading kernel runs: only the instructor's code. Its setup cells, then for each
 * test whose answers all came back, a cell that reads them as data and the instructor's test cell
 * (calls to a student's function replaced by the value handed back for that call). The grading
 * API is called by its full name, so nothing but incept's own check can stand in, and each test
 * cell first tells it the question and this run's token.
 *
 * @param skipped per test (by index in the plan) that could not run, why: an answer missing or broken
 */
public record CheckVersion(Notebook notebook, Map<Integer, String> skipped) {
    /** The ids given to the test cells of a check version: the prefix and the question. */
    public static final String TEST_ID_PREFIX = "incept-test-";
    private static final Pattern API_CALL = Pattern.compile("(?<![\\w.])(check|checkArchitecture|checkTrains)(\\s*[({])");
    private static final String API = "dev.incept.jupyter.";

    public CheckVersion {
        skipped = Map.copyOf(skipped);
    }

    public static CheckVersion of(AnswerPlan plan, List<String> keyPrefixes, HandedAnswers handed, String answersPath, String token) {
        Cell template = Outputs.cleared(plan.tests().get(0).cell());
        List<Cell> cells = new ArrayList<>();
        if (plan.setup().stream().noneMatch(c -> c.lines().stream().anyMatch(l -> l.strip().equals("%use incept")))) {
            cells.add(template.withLines(List.of("%use incept")).withId("incept-use"));
        }
        for (Cell c : plan.setup()) {
            cells.add(Outputs.cleared(c).withLines(SolutionRegions.keep(c.lines())));
        }
        cells.add(template.withLines(List.of(API + "Answers.load(" + SandboxVersion.literal(answersPath) + ")")).withId("incept-answers"));
        Map<Integer, String> skipped = new LinkedHashMap<>();
        int synthetic = 0;
        for (int i = 0; i < plan.tests().size(); i++) {
            AnswerPlan.TestUse t = plan.tests().get(i);
            List<String> bindings = new ArrayList<>();
            String body = String.join("\n", SolutionRegions.keep(t.cell().lines().subList(1, t.cell().lines().size())));
            String missing = null;
            for (AnswerPlan.Use u : t.uses()) {
                String key = keyPrefixes.get(i) + "|" + u.expression();
                ObjectNode o = handed.get(key).orElse(null);
                if (o == null || o.has("error")) {
                    missing = "`" + u.expression() + "`" + (o == null ? " was not handed back" : " could not be handed back: " + o.path("error").asText());
                    break;
                }
                String reader = API + "Answers." + AnswerCodec.reader(o.path("kind").asText()) + "(" + SandboxVersion.literal(key) + ")";
                if (u.call()) {
                    String name = "incept_answer_" + (++synthetic);
                    bindings.add("val " + name + " = " + reader);
                    body = substitute(body, u, name);
                } else {
                    bindings.add("val " + u.name() + " = " + reader);
                }
            }
            if (missing != null) {
                skipped.put(i, missing);
                continue;
            }
            if (!bindings.isEmpty()) {
                cells.add(template.withLines(bindings).withId("incept-bind-" + (i + 1)));
            }
            List<String> lines = new ArrayList<>();
            lines.add(t.cell().firstLine());
            lines.add(API + "Grading.question(" + SandboxVersion.literal(t.header().question()) + ", \"" + token + "\")");
            for (String line : body.split("\n", -1)) {
                Matcher m = API_CALL.matcher(line);
                lines.add(m.replaceAll(API + "$1$2"));
            }
            cells.add(Outputs.cleared(t.cell()).withLines(lines).withId(TEST_ID_PREFIX + t.header().question() + "-" + (i + 1)));
        }
        return new CheckVersion(plan.assignment().instructor().withCells(cells), skipped);
    }

    /** The test's code with each call {@code use} replaced by {@code name}; strings and comments keep their text. */
    static String substitute(String body, AnswerPlan.Use use, String name) {
        List<Integer> at = AnswerPlan.occurrences(AnswerPlan.Masked.of(body), use.name());
        StringBuilder b = new StringBuilder(body);
        for (int i = at.size() - 1; i >= 0; i--) {
            if (body.startsWith(use.expression(), at.get(i))) {
                b.replace(at.get(i), at.get(i) + use.expression().length(), name);
            }
        }
        return b.toString();
    }
}
