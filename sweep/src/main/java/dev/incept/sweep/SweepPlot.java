package dev.incept.sweep;

import dev.incept.plot.SvgImages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The sweep at a glance, as Lets-Plot draws it (results.svg and results.png): one column per group
 * of points that differ only in their seed, labelled by the settings that vary; each seed's test
 * top-1 and calibration error as a dot, and their mean and standard deviation as a range.
 */
final class SweepPlot {
    private SweepPlot() {
    }

    static void write(Path dir, List<PointResult> results) {
        Map<String, Object> spec = spec(results);
        String svg = SvgImages.svg(spec, 900, 560);
        SvgImages.write(dir.resolve("results.svg"), svg.getBytes(StandardCharsets.UTF_8));
        SvgImages.write(dir.resolve("results.png"), SvgImages.png(svg));
    }

    static Map<String, Object> spec(List<PointResult> results) {
        List<String> varying = Results.varying(results);
        Map<String, List<Object>> dots = columns();
        Map<String, List<Object>> ranges = columns();
        ranges.put("low", new ArrayList<>());
        ranges.put("high", new ArrayList<>());
        for (Map.Entry<Map<String, String>, List<PointResult>> g : Results.groups(results).entrySet()) {
            List<String> parts = new ArrayList<>();
            varying.forEach(k -> parts.add(k + "=" + g.getKey().getOrDefault(k, "")));
            String label = parts.isEmpty() ? "all" : String.join(", ", parts);
            List<PointResult> ok = Sweep.succeeded(g.getValue());
            for (String metric : List.of("test top-1 %", "ECE")) {
                ToDoubleFunction<PointResult> f = metric.equals("ECE") ? PointResult::ece : r -> 100 * r.top1();
                for (PointResult r : ok) {
                    add(dots, label, metric, f.applyAsDouble(r));
                }
                if (!ok.isEmpty()) {
                    double[] ms = Results.meanStd(ok, f);
                    add(ranges, label, metric, ms[0]);
                    ranges.get("low").add(ms[0] - ms[1]);
                    ranges.get("high").add(ms[0] + ms[1]);
                }
            }
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("kind", "plot");
        spec.put("mapping", Map.of("x", "group", "y", "value"));
        spec.put("layers", List.of(
                Map.of("geom", "point", "data", dots, "size", 3, "alpha", 0.6, "color", "#1f77b4"),
                Map.of("geom", "pointrange", "data", ranges, "mapping", Map.of("ymin", "low", "ymax", "high"),
                        "color", "#d62728", "size", 0.8)));
        spec.put("facet", Map.of("name", "wrap", "facets", "metric", "ncol", 1, "scales", "free_y"));
        spec.put("theme", Map.of("axis_title_x", "blank", "axis_title_y", "blank"));
        spec.put("ggtitle", Map.of("text", "each seed (dots), mean and standard deviation (range)"));
        return spec;
    }

    private static Map<String, List<Object>> columns() {
        Map<String, List<Object>> c = new LinkedHashMap<>();
        c.put("group", new ArrayList<>());
        c.put("metric", new ArrayList<>());
        c.put("value", new ArrayList<>());
        return c;
    }

    private static void add(Map<String, List<Object>> c, String group, String metric, double value) {
        c.get("group").add(group);
        c.get("metric").add(metric);
        c.get("value").add(Double.isFinite(value) ? value : null);
    }
}
