package dev.incept.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incept.engine.EngineChoice;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The benchmark's results as a Markdown report: the table, then the ratios asked for. */
final class BenchReport {
    /** The engines a report has a column for, by the names DJL gives them. */
    private static final List<String> ENGINES = Arrays.stream(EngineChoice.values()).map(EngineChoice::djlName).toList();

    private BenchReport() {
    }

    static String render(List<JsonNode> results, String machine, String command) {
        StringBuilder sb = new StringBuilder();
        sb.append("# incept bench\n\n");
        sb.append("- machine: ").append(machine).append('\n');
        sb.append("- command: `").append(command).append("`\n\n");
        double bestMatmul = 0;
        for (JsonNode r : results) {
            if (r.path("case").asText().equals("matmul")) {
                bestMatmul = Math.max(bestMatmul, r.path("gflops").asDouble());
            }
        }
        sb.append("| case | engine | batch x input | images/s | ms/step | achieved GFLOP/s | of matmul peak | peak RSS MB |\n");
        sb.append("|---|---|---|---|---|---|---|---|\n");
        for (JsonNode r : results) {
            String c = r.path("case").asText();
            if (c.equals("matmul")) {
                sb.append(fmt("| matmul %d | %s | | | | %.1f (measured) | | %d |%n", r.path("n").asInt(), engineOn(r),
                        r.path("gflops").asDouble(), r.path("peak_rss_mb").asLong()));
            } else if (c.equals("pipeline")) {
                sb.append(fmt("| data pipeline (decode, augment, batch) | none | 128 x 28 / 96 | %.0f / %.0f | | | | %d |%n",
                        r.path("images_per_sec_28").asDouble(), r.path("images_per_sec_96").asDouble(), r.path("peak_rss_mb").asLong()));
            } else {
                // A peer's multiply-adds are not known here; its network is the incept case's beside it.
                double gflops = achieved(r);
                boolean known = r.has("macs");
                sb.append(fmt("| %s | %s | %d x %d | %s | %.1f | %s | %s | %d |%n", c, engineOn(r),
                        r.path("batch").asInt(), r.path("input").asInt(), withSpread(r, "images_per_sec"),
                        r.path("ms_per_step").asDouble(), known ? fmt("%.1f", gflops) : "",
                        known && bestMatmul > 0 ? fmt("%.0f%%", 100 * gflops / bestMatmul) : "", r.path("peak_rss_mb").asLong()));
            }
        }
        sb.append("\nAchieved GFLOP/s = 3 x forward multiply-adds (from the DSL) x 2 x images/s; the peak is the faster engine's matmul.\n\n");
        sb.append("## Ratios\n\n");
        for (String engine : ENGINES) {
            JsonNode ours = find(results, "googlenet-d2l", engine);
            JsonNode peer = find(results, "peer-djl-googlenet", engine);
            if (ours != null && peer != null) {
                sb.append(fmt("- %s: DSL-compiled GoogLeNet / DJL's model-zoo GoogLeNet = %.2fx (images/s)%n", engine,
                        ours.path("images_per_sec").asDouble() / peer.path("images_per_sec").asDouble()));
            }
            JsonNode plain = find(results, "peer-djl-googlenet-glibc", engine);
            if (ours != null && plain != null) {
                sb.append(fmt("- %s: DSL-compiled GoogLeNet as incept runs it / DJL's GoogLeNet with glibc's allocator defaults = %.2fx (images/s)%n",
                        engine, ours.path("images_per_sec").asDouble() / plain.path("images_per_sec").asDouble()));
            }
        }
        for (String engine : ENGINES) {
            JsonNode ours = find(results, "inception-v3", engine);
            JsonNode hand = find(results, "handwritten-v3", engine);
            if (ours != null && hand != null) {
                sb.append(fmt("- %s: DSL-compiled Inception-v3 / hand-written Inception-v3 = %.3fx (step time; 1.00 = no overhead)%n", engine,
                        ours.path("ms_per_step").asDouble() / hand.path("ms_per_step").asDouble()));
            }
        }
        for (String engine : ENGINES) {
            for (String c : List.of("googlenet-d2l", "inception-v3", "inception-mini")) {
                JsonNode plain = find(results, c, engine);
                JsonNode fused = find(results, c + "-fused", engine);
                if (fused != null && plain != null) {
                    sb.append(fmt("- %s: %s with sibling 1x1 convolutions fused / not fused = %.2fx (images/s)%n", engine, c,
                            fused.path("images_per_sec").asDouble() / plain.path("images_per_sec").asDouble()));
                }
            }
        }
        for (String c : List.of("googlenet-d2l", "inception-v3", "inception-mini")) {
            JsonNode mx = find(results, c, EngineChoice.MXNET.djlName());
            JsonNode pt = find(results, c, EngineChoice.PYTORCH.djlName());
            if (mx != null && pt != null) {
                sb.append(fmt("- %s: MXNet / PyTorch = %.2fx (images/s)%n", c,
                        mx.path("images_per_sec").asDouble() / pt.path("images_per_sec").asDouble()));
            }
        }
        for (String engine : ENGINES) {
            for (String[] pair : new String[][] {{"inception-v3", "peer-torchvision-v3"}, {"inception-v3", "peer-torchvision-v3-cl"}, {"inception-v3-139", "peer-torchvision-v3-139"},
                    {"googlenet-3x3-96", "peer-torchvision-googlenet"}}) {
                JsonNode ours = find(results, pair[0], engine);
                JsonNode peer = find(results, pair[1], null);
                if (ours != null && peer != null) {
                    sb.append(fmt("- %s: %s / torchvision's %s%s (%s, %d threads) = %.2fx (images/s)%n", engine, pair[0],
                            peer.path("model").asText().replace("torchvision ", ""), pair[1].endsWith("-cl") ? " in channels-last order" : "",
                            peer.path("engine").asText(), peer.path("threads").asInt(),
                            ours.path("images_per_sec").asDouble() / peer.path("images_per_sec").asDouble()));
                }
            }
        }
        for (String engine : ENGINES) {
            for (Map.Entry<String, String> pair : new java.util.TreeMap<>(TorchNetPeer.pairs()).entrySet()) {
                JsonNode ours = find(results, pair.getValue(), engine);
                JsonNode peer = find(results, pair.getKey(), null);
                if (ours != null && peer != null) {
                    sb.append(fmt("- %s: %s / the same network in plain torch.nn (%s, %d threads) = %.2fx (images/s)%n", engine, pair.getValue(),
                            peer.path("engine").asText(), peer.path("threads").asInt(),
                            ours.path("images_per_sec").asDouble() / peer.path("images_per_sec").asDouble()));
                }
            }
        }
        JsonNode pipe = find(results, "pipeline", "none");
        // Against the faster engine's training: the pipeline must keep up with that one.
        double fastest = 0;
        for (String engine : ENGINES) {
            JsonNode mini = find(results, "inception-mini", engine);
            fastest = mini == null ? fastest : Math.max(fastest, mini.path("images_per_sec").asDouble());
        }
        if (pipe != null && fastest > 0) {
            sb.append(fmt("- data pipeline at 28x28 / inception-mini training on the faster engine = %.0fx (the pipeline is not the bottleneck when > 1)%n",
                    pipe.path("images_per_sec_28").asDouble() / fastest));
        }
        return sb.toString();
    }

    /** The median, and with repeated runs the lowest and highest: "432.1 (425.0-440.2, 3 runs)". */
    private static String withSpread(JsonNode r, String field) {
        String median = fmt("%.1f", r.path(field).asDouble());
        if (r.path("runs").asInt(1) < 2) {
            return median;
        }
        return fmt("%s (%.1f-%.1f, %d runs)", median, r.path(field + "_min").asDouble(), r.path(field + "_max").asDouble(), r.path("runs").asInt());
    }

    private static String engineOn(JsonNode r) {
        String device = r.path("device").asText("cpu()");
        return r.path("engine").asText() + (device.startsWith("cpu") ? "" : " on " + device);
    }

    private static double achieved(JsonNode r) {
        return 3.0 * r.path("macs").asDouble() * 2 * r.path("images_per_sec").asDouble() / 1e9;
    }

    private static JsonNode find(List<JsonNode> results, String c, String engine) {
        for (JsonNode r : results) {
            if (r.path("case").asText().equals(c) && (engine == null || r.path("engine").asText().equals(engine))) {
                return r;
            }
        }
        return null;
    }

    private static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}
