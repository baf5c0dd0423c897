package dev.incept.classroom.answer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incept.classroom.assign.Outputs;
import dev.incept.classroom.assign.SolutionRegions;
import dev.incept.classroom.notebook.Cell;
import dev.incept.classroom.notebook.Notebook;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One submission's part of the notebook the grading kernel runs: only the instructor's code. After
 * the setup cells every part shares ({@link #header}), a part reads its submission's answers as
 * data, then for each test whose answers all came back runs the instructor's test cell, its
 * answers bound at its top (calls to a student's function replaced by the value handed back for that call). The
 * grading API is called by its full name, so nothing but incept's own check can stand in, and
 * each test cell first tells it the question and this part's token. One kernel runs the parts of
 * many submissions in turn: none of their code runs there, and starting a kernel costs more than
 * checking one submission. Every read of an answer names its part's token too, so a test can read
 * only the answers its own part loaded, never those an earlier part left behind.
 *
 * @param cells   this part's cells, their ids ending in its tag
 * @param skipped per test (by index in the plan) that could not run, why: an answer missing or broken
 */
public record CheckVersion(List<Cell> cells, Map<Integer, String> skipped) {
    /** The ids given to the test cells of a check version: the prefix and the question. */
    public static final String TEST_ID_PREFIX = "incept-test-";
    /** The id of a part's first cell, which loads its answers: the prefix, then the part's tag. */
    public static final String ANSWERS_ID_PREFIX = "incept-answers";
    private static final Pattern API_CALL = Pattern.compile("(?<![\\w.])(check|checkArchitecture|checkTrains|checkAccuracy)(\\s*[({])");
    private static final String API = "dev.incept.jupyter.";

    public CheckVersion {
        cells = List.copyOf(cells);
        skipped = Map.copyOf(skipped);
    }

    /** What every part runs on first: {@code %use incept} if the setup lacks it, and the instructor's setup cells. */
    public static List<Cell> header(AnswerPlan plan) {
        Cell template = Outputs.cleared(plan.tests().get(0).cell());
        List<Cell> cells = new ArrayList<>();
        if (plan.setup().stream().noneMatch(c -> c.lines().stream().anyMatch(l -> l.strip().equals("%use incept")))) {
            cells.add(template.withLines(List.of("%use incept")).withId("incept-use"));
        }
        for (Cell c : plan.setup()) {
            cells.add(Outputs.cleared(c).withLines(SolutionRegions.keep(c.lines())));
        }
        return cells;
    }

    /** The grading notebook: the header, then each part. */
    public static Notebook notebook(AnswerPlan plan, List<CheckVersion> parts) {
        List<Cell> cells = new ArrayList<>(header(plan));
        parts.forEach(p -> cells.addAll(p.cells()));
        return plan.assignment().instructor().withCells(cells);
    }

    /** This part as it ran in {@code executed} (the notebook of {@link #notebook}): the first {@code headerCells} cells and its own. */
    public Notebook part(Notebook executed, int headerCells) {
        Set<String> own = new HashSet<>();
        cells.forEach(c -> own.add(c.id()));
        List<Cell> mine = new ArrayList<>(executed.cells().subList(0, Math.min(headerCells, executed.cells().size())));
        executed.cells().stream().skip(headerCells).filter(c -> own.contains(c.id())).forEach(mine::add);
        return executed.withCells(mine);
    }

    /**
     * The part of submission number {@code index}: its answers read from {@code answersPath} (as the
     * grading kernel sees it), its checks reported under {@code token}.
     */
    public static CheckVersion of(AnswerPlan plan, int index, List<String> keyPrefixes, HandedAnswers handed, String answersPath, String token) {
        String tag = "-s" + index;
        Cell template = Outputs.cleared(plan.tests().get(0).cell());
        List<Cell> cells = new ArrayList<>();
        String part = SandboxVersion.literal(token);
        cells.add(template.withLines(List.of(API + "Answers.load(" + SandboxVersion.literal(answersPath) + ", " + part + ")"))
                .withId(ANSWERS_ID_PREFIX + tag));
        Map<Integer, String> skipped = new LinkedHashMap<>();
        int synthetic = 0;
        for (int i = 0; i < plan.tests().size(); i++) {
            AnswerPlan.TestUse t = plan.tests().get(i);
            List<String> bindings = new ArrayList<>();
            String body = String.join("\n", SolutionRegions.keep(t.cell().lines().subList(1, t.cell().lines().size())));
            String missing = null;
            for (AnswerPlan.Use u : t.uses()) {
                String key = AnswerPlan.key(keyPrefixes.get(i), u);
                ObjectNode o = handed.get(key).orElse(null);
                if (o == null || o.has("error")) {
                    missing = "`" + u.expression() + "`" + (o == null ? " was not handed back" : " could not be handed back: " + o.path("error").asText());
                    break;
                }
                String kind;
                try {
                    kind = AnswerCodec.reader(o.path("kind").asText());
                } catch (IllegalArgumentException e) {
                    // the answers file is the student's to write: a made-up kind costs this test, never the batch
                    missing = "`" + u.expression() + "` was handed back as no kind of answer (" + AnswerCodec.KINDS + ")";
                    break;
                }
                String reader = API + "Answers." + kind + "(" + part + ", " + SandboxVersion.literal(key) + ")";
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
            List<String> lines = new ArrayList<>();
            lines.add(t.cell().firstLine());
            lines.add(API + "Grading.question(" + SandboxVersion.literal(t.header().question()) + ", \"" + token + "\")");
            // read in the test's own cell, so that an answer that will not load (weights that are not
            // the network's) fails this test with its reason
            lines.addAll(bindings);
            for (String line : body.split("\n", -1)) {
                Matcher m = API_CALL.matcher(line);
                lines.add(m.replaceAll(API + "$1$2"));
            }
            cells.add(Outputs.cleared(t.cell()).withLines(lines).withId(TEST_ID_PREFIX + t.header().question() + "-" + (i + 1) + tag));
        }
        return new CheckVersion(cells, skipped);
    }

    /**
     * How this part's load of its answers ended in {@code part} (as {@link #part} returns it): "ok",
     * or the fate that kept them from loading ("timeout", "error", "kernel died", "not run").
     */
    public static String loadFate(Notebook part) {
        return part.cells().stream().filter(c -> c.id().startsWith(ANSWERS_ID_PREFIX)).findFirst()
                .map(c -> c.json().path("metadata").path("incept").asText("not run")).orElse("not run");
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
