package dev.incept.plot;

import dev.incept.metrics.EpochMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Training curves: loss and accuracy per epoch, train against test, as a Lets-Plot specification. */
public final class Curves {
    private Curves() {
    }

    public static Map<String, Object> spec(List<EpochMetrics> history, String title) {
        List<Object> epoch = new ArrayList<>();
        List<Object> value = new ArrayList<>();
        List<Object> series = new ArrayList<>();
        List<Object> metric = new ArrayList<>();
        for (EpochMetrics m : history) {
            add(epoch, value, series, metric, m.epoch(), m.trainLoss(), "train", "loss");
            add(epoch, value, series, metric, m.epoch(), m.test().loss(), "test", "loss");
            add(epoch, value, series, metric, m.epoch(), m.trainAccuracy(), "train", "accuracy");
            add(epoch, value, series, metric, m.epoch(), m.test().top1(), "test", "accuracy");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("epoch", epoch);
        data.put("value", value);
        data.put("series", series);
        data.put("metric", metric);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("kind", "plot");
        spec.put("data", data);
        spec.put("mapping", Map.of("x", "epoch", "y", "value", "color", "series"));
        spec.put("layers", List.of(Map.of("geom", "line", "size", 1.2), Map.of("geom", "point", "size", 2.5)));
        spec.put("facet", Map.of("name", "wrap", "facets", "metric", "ncol", 2, "scales", "free_y"));
        spec.put("scales", List.of(Map.of("aesthetic", "color", "values", List.of("#1f77b4", "#d62728"))));
        spec.put("ggtitle", Map.of("text", title));
        return spec;
    }

    private static void add(List<Object> epoch, List<Object> value, List<Object> series, List<Object> metric,
                            int e, double v, String s, String m) {
        epoch.add(e);
        value.add(Double.isFinite(v) ? v : null);
        series.add(s);
        metric.add(m);
    }
}
