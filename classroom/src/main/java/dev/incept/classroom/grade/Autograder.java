package dev.incept.classroom.grade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.incept.classroom.assign.Assignment;
import dev.incept.classroom.notebook.NotebookException;
import dev.incept.classroom.notebook.NotebookFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The autograder folder: the instructor notebook and the checks its solution ran (checks.json). */
public record Autograder(Assignment assignment, List<ExpectedCheck> checks) {
    static final String NOTEBOOK = "instructor.ipynb";
    static final String CHECKS = "checks.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Autograder {
        checks = List.copyOf(checks);
    }

    public static Autograder load(Path dir) {
        Path nb = dir.resolve(NOTEBOOK);
        Path checks = dir.resolve(CHECKS);
        if (!Files.isRegularFile(nb) || !Files.isRegularFile(checks)) {
            throw new NotebookException(dir + ": not an autograder folder (needs " + NOTEBOOK + " and " + CHECKS + "; 'incept assign build' makes one)");
        }
        try {
            JsonNode root = JSON.readTree(checks.toFile());
            List<ExpectedCheck> list = new ArrayList<>();
            for (JsonNode c : root.path("checks")) {
                list.add(new ExpectedCheck(c.path("question").asText(), c.path("name").asText(), c.path("max").asDouble(), c.path("hidden").asBoolean()));
            }
            return new Autograder(Assignment.of(root.path("assignment").asText("assignment"), NotebookFile.read(nb)), list);
        } catch (IOException e) {
            throw new NotebookException(checks + ": cannot read it (" + e.getMessage() + ")");
        }
    }

    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        NotebookFile.write(assignment.instructor(), dir.resolve(NOTEBOOK));
        var root = JSON.createObjectNode();
        root.put("assignment", assignment.name());
        ArrayNode arr = root.putArray("checks");
        for (ExpectedCheck c : checks) {
            arr.addObject().put("question", c.question()).put("name", c.name()).put("max", c.max()).put("hidden", c.hidden());
        }
        JSON.writeValue(dir.resolve(CHECKS).toFile(), root);
    }

    public double maxPoints() {
        return checks.stream().mapToDouble(ExpectedCheck::max).sum();
    }
}
