package dev.incept.sweep;

import dev.incept.storage.DurableFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * A sweep's figures: results.csv (one row per point: its settings, its figures, its error if it
 * failed) and summary.csv (one row per group of points that differ only in their seed: the mean and
 * the standard deviation over the seeds), and the same summary as a table for the terminal.
 */
public final class Results {
    private static final List<String> FIGURES = List.of("top1", "test_loss", "ece", "images_per_s");

    private Results() {
    }

    static void write(Path dir, List<PointResult> results) {
        DurableFile.write(dir.resolve("results.csv"), pointsCsv(results).getBytes(StandardCharsets.UTF_8));
        DurableFile.write(dir.resolve("summary.csv"), summaryCsv(results).getBytes(StandardCharsets.UTF_8));
    }

    /** Every setting name used by any point, in first-seen order. */
    private static List<String> keys(List<PointResult> results, boolean withSeed) {
        Set<String> keys = new LinkedHashSet<>();
        for (PointResult r : results) {
            keys.addAll(r.settings().keySet());
        }
        if (!withSeed) {
            keys.remove("seed");
        }
        return new ArrayList<>(keys);
    }

    static String pointsCsv(List<PointResult> results) {
        List<String> keys = keys(results, true);
        StringBuilder b = new StringBuilder("point,status,");
        keys.forEach(k -> b.append(csv(k)).append(','));
        b.append("epochs_done,top1,top5,test_loss,ece,train_loss,images_per_s,seconds,params,macs,top1_by_epoch,error\n");
        for (PointResult r : results) {
            b.append(csv(r.id())).append(',').append(r.failed() ? "failed" : "done").append(',');
            keys.forEach(k -> b.append(csv(r.settings().getOrDefault(k, ""))).append(','));
            b.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%s,%s,%s,%.1f,%d,%d,", r.epochs(), num(r.top1()), num(r.top5()), num(r.testLoss()),
                    num(r.ece()), num(r.trainLoss()), num(r.imagesPerSecond()), r.seconds(), r.params(), r.macs()));
            b.append(csv(String.join(";", r.top1ByEpoch().stream().map(Results::num).toList()))).append(',');
            b.append(csv(r.error() == null ? "" : r.error())).append('\n');
        }
        return b.toString();
    }

    /** The points that share every setting but the seed, with their figures' mean and spread. */
    static Map<Map<String, String>, List<PointResult>> groups(List<PointResult> results) {
        Map<Map<String, String>, List<PointResult>> groups = new LinkedHashMap<>();
        for (PointResult r : results) {
            Map<String, String> key = new LinkedHashMap<>(r.settings());
            key.remove("seed");
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    static String summaryCsv(List<PointResult> results) {
        List<String> keys = keys(results, false);
        StringBuilder b = new StringBuilder();
        keys.forEach(k -> b.append(csv(k)).append(','));
        b.append("seeds,failed");
        FIGURES.forEach(f -> b.append(',').append(f).append("_mean,").append(f).append("_std"));
        b.append('\n');
        for (Map.Entry<Map<String, String>, List<PointResult>> g : groups(results).entrySet()) {
            keys.forEach(k -> b.append(csv(g.getKey().getOrDefault(k, ""))).append(','));
            List<PointResult> ok = Sweep.succeeded(g.getValue());
            b.append(ok.size()).append(',').append(g.getValue().size() - ok.size());
            for (ToDoubleFunction<PointResult> f : figures()) {
                double[] ms = meanStd(ok, f);
                b.append(',').append(num(ms[0])).append(',').append(num(ms[1]));
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** The summary for a terminal: one line per group, top-1 as mean +- standard deviation over its seeds. */
    public static String table(List<PointResult> results) {
        // only what varies: the settings shared by every point are in results.csv
        List<String> keys = varying(results);
        List<List<String>> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(keys);
        head.addAll(List.of("seeds", "top-1 %", "ECE", "images/s"));
        rows.add(head);
        for (Map.Entry<Map<String, String>, List<PointResult>> g : groups(results).entrySet()) {
            List<String> row = new ArrayList<>();
            keys.forEach(k -> row.add(g.getKey().getOrDefault(k, "")));
            List<PointResult> ok = Sweep.succeeded(g.getValue());
            int failed = g.getValue().size() - ok.size();
            row.add(ok.size() + (failed > 0 ? " (" + failed + " failed)" : ""));
            double[] top1 = meanStd(ok, PointResult::top1);
            row.add(ok.isEmpty() ? "-" : String.format(Locale.ROOT, "%.2f +- %.2f", 100 * top1[0], 100 * top1[1]));
            row.add(ok.isEmpty() ? "-" : String.format(Locale.ROOT, "%.4f", meanStd(ok, PointResult::ece)[0]));
            row.add(ok.isEmpty() ? "-" : String.format(Locale.ROOT, "%.0f", meanStd(ok, PointResult::imagesPerSecond)[0]));
            rows.add(row);
        }
        int[] width = new int[head.size()];
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                b.append(String.format(Locale.ROOT, "%-" + width[i] + "s", r.get(i))).append(i + 1 < r.size() ? "  " : "");
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** The setting names (seed aside) whose value is not the same for every point. */
    static List<String> varying(List<PointResult> results) {
        return keys(results, false).stream()
                .filter(k -> results.stream().map(r -> r.settings().getOrDefault(k, "")).distinct().count() > 1).toList();
    }

    private static List<ToDoubleFunction<PointResult>> figures() {
        return List.of(PointResult::top1, PointResult::testLoss, PointResult::ece, PointResult::imagesPerSecond);
    }

    /** Mean and sample standard deviation (0 for one value, NaN for none). */
    static double[] meanStd(List<PointResult> rs, ToDoubleFunction<PointResult> f) {
        if (rs.isEmpty()) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double mean = rs.stream().mapToDouble(f).average().orElse(Double.NaN);
        double ss = rs.stream().mapToDouble(r -> (f.applyAsDouble(r) - mean) * (f.applyAsDouble(r) - mean)).sum();
        return new double[] {mean, rs.size() > 1 ? Math.sqrt(ss / (rs.size() - 1)) : 0};
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
