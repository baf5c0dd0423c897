package dev.incept.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sweep files (format {@code incept-sweep/1}):
 * <pre>
 * {"format": "incept-sweep/1", "name": "smoothing",
 *  "base": {"model": "inception-mini", "epochs": 3, "train-limit": 2000},
 *  "variants": {"factorized": {"spec": "v3.json"}, "plain": {"spec": "v2.json"}},
 *  "grid": {"variant": ["plain", "factorized"], "label-smoothing": [0, 0.1], "seed": [1, 2, 3]},
 *  "points": [{"optimizer": "sgd"}, {"optimizer": "rmsprop"}]}
 * </pre>
 * Values are strings, numbers or booleans, as on the command line.
 */
public final class SweepJson {
    public static final String FORMAT = "incept-sweep/1";
    /** The largest sweep file read. */
    static final int MAX_BYTES = 1 << 20;

    private SweepJson() {
    }

    public static SweepSpec read(Path file) {
        // a link to a sweep file is followed, as a user's own link; what it leads to must be a file
        String kind = Files.isRegularFile(file) ? null : dev.incept.storage.FileKind.ofSpecial(file.toAbsolutePath());
        if (kind != null) {
            throw new SweepException(file + (kind.equals("nothing") ? ": no such sweep file" : ": " + kind + ", not a sweep file (incept-sweep/1 JSON)"));
        }
        JsonNode root;
        try (var in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new SweepException(file + ": larger than " + (MAX_BYTES >> 10) + " KiB; a sweep file is a few KB");
            }
            root = new ObjectMapper().readTree(bytes);
        } catch (IOException e) {
            throw new SweepException(file + ": cannot read the sweep file (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new SweepException(file + ": a sweep file is one JSON object");
        }
        if (!FORMAT.equals(root.path("format").asText(FORMAT))) {
            throw new SweepException(file + ": format " + root.path("format").asText() + " is not " + FORMAT);
        }
        for (var it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!List.of("format", "name", "base", "variants", "grid", "points").contains(f)) {
                throw new SweepException(file + ": unknown field '" + f + "' (a sweep has name, base, variants, grid and points)");
            }
        }
        Map<String, Map<String, String>> variants = new LinkedHashMap<>();
        root.path("variants").fields().forEachRemaining(e -> variants.put(e.getKey(), settings(file, "variants." + e.getKey(), e.getValue())));
        Map<String, List<String>> grid = new LinkedHashMap<>();
        root.path("grid").fields().forEachRemaining(e -> {
            if (!e.getValue().isArray()) {
                throw new SweepException(file + ": grid." + e.getKey() + " must be a list of values");
            }
            List<String> values = new ArrayList<>();
            e.getValue().forEach(v -> values.add(value(file, "grid." + e.getKey(), v)));
            grid.put(e.getKey(), values);
        });
        List<Map<String, String>> points = new ArrayList<>();
        root.path("points").forEach(p -> points.add(settings(file, "points[" + points.size() + "]", p)));
        if (grid.isEmpty() && points.isEmpty()) {
            throw new SweepException(file + ": the sweep varies nothing (give a grid, points, or both)");
        }
        return new SweepSpec(root.path("name").asText(null), settings(file, "base", root.path("base")), variants, grid, points);
    }

    /** Writes {@code spec} as a sweep file (the sweep's folder keeps the one it ran). */
    public static void write(Path file, SweepSpec spec) throws IOException {
        ObjectMapper json = new ObjectMapper();
        var root = json.createObjectNode().put("format", FORMAT).put("name", spec.name());
        root.set("base", json.valueToTree(spec.base()));
        root.set("variants", json.valueToTree(spec.variants()));
        root.set("grid", json.valueToTree(spec.grid()));
        root.set("points", json.valueToTree(spec.points()));
        dev.incept.storage.DurableFile.write(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }

    private static Map<String, String> settings(Path file, String where, JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node.isMissingNode()) {
            return out;
        }
        if (!node.isObject()) {
            throw new SweepException(file + ": " + where + " must be an object of settings");
        }
        node.fields().forEachRemaining(e -> out.put(e.getKey(), value(file, where + "." + e.getKey(), e.getValue())));
        return out;
    }

    private static String value(Path file, String where, JsonNode v) {
        if (v.isTextual() || v.isNumber() || v.isBoolean()) {
            return v.asText();
        }
        throw new SweepException(file + ": " + where + " must be a string, a number or a boolean");
    }
}
