package dev.incept.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds repeated runs of a case into one result: the median of every timing, its lowest and
 * highest value (the spread a reader should allow for on a shared machine), and the largest peak
 * memory. Runs of different cases are interleaved by the caller so that a noisy minute does not
 * land on one case only.
 */
final class BenchRepeats {
    /** Timings folded to their median; each also gets _min and _max when there are several runs. */
    static final List<String> TIMINGS = List.of("images_per_sec", "ms_per_step", "gflops", "images_per_sec_28", "images_per_sec_96");

    private BenchRepeats() {
    }

    static List<JsonNode> combine(List<JsonNode> runs) {
        Map<String, List<JsonNode>> groups = new LinkedHashMap<>();
        for (JsonNode r : runs) {
            String key = r.path("case").asText() + '|' + r.path("engine").asText() + '|' + r.path("device").asText();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<JsonNode> out = new ArrayList<>();
        for (List<JsonNode> g : groups.values()) {
            if (g.size() == 1) {
                out.add(g.get(0));
                continue;
            }
            ObjectNode folded = g.get(0).deepCopy();
            folded.put("runs", g.size());
            for (String field : TIMINGS) {
                if (!folded.has(field)) {
                    continue;
                }
                double[] v = g.stream().mapToDouble(r -> r.path(field).asDouble()).sorted().toArray();
                folded.put(field, median(v));
                folded.put(field + "_min", v[0]);
                folded.put(field + "_max", v[v.length - 1]);
            }
            folded.put("peak_rss_mb", g.stream().mapToLong(r -> r.path("peak_rss_mb").asLong()).max().orElse(0));
            out.add(folded);
        }
        return out;
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
