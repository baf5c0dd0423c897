package dev.incept.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Epoch metrics as flat JSON objects: one per line in a metrics file, a list in a checkpoint. */
public final class MetricsJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private MetricsJson() {
    }

    public static ObjectNode write(EpochMetrics m) {
        ObjectNode o = F.objectNode();
        o.put("epoch", m.epoch());
        o.put("lr", m.learningRate());
        o.put("train_loss", m.trainLoss());
        o.put("train_acc", m.trainAccuracy());
        Evaluation t = m.test();
        o.put("test_loss", t.loss());
        o.put("test_top1", t.top1());
        o.put("test_top5", t.top5());
        o.put("test_ece", t.ece());
        o.put("test_count", t.count());
        o.put("images_per_sec", m.imagesPerSecond());
        o.put("seconds", m.seconds());
        ArrayNode n = o.putArray("bin_count");
        ArrayNode c = o.putArray("bin_confidence");
        ArrayNode a = o.putArray("bin_accuracy");
        for (int i = 0; i < t.binCount().length; i++) {
            n.add(t.binCount()[i]);
            c.add(t.binConfidence()[i]);
            a.add(t.binAccuracy()[i]);
        }
        return o;
    }

    public static EpochMetrics read(JsonNode o) {
        int bins = o.path("bin_count").size();
        long[] n = new long[bins];
        double[] c = new double[bins];
        double[] a = new double[bins];
        for (int i = 0; i < bins; i++) {
            n[i] = o.get("bin_count").get(i).asLong();
            c[i] = o.get("bin_confidence").get(i).asDouble();
            a[i] = o.get("bin_accuracy").get(i).asDouble();
        }
        Evaluation t = new Evaluation(o.path("test_count").asInt(), o.path("test_loss").asDouble(),
                o.path("test_top1").asDouble(), o.path("test_top5").asDouble(), o.path("test_ece").asDouble(), n, c, a);
        return new EpochMetrics(o.path("epoch").asInt(), o.path("lr").asDouble(), o.path("train_loss").asDouble(),
                o.path("train_acc").asDouble(), t, o.path("images_per_sec").asDouble(), o.path("seconds").asDouble());
    }

    public static String csvHeader() {
        return "epoch,lr,train_loss,train_acc,test_loss,test_top1,test_top5,test_ece,images_per_sec,seconds";
    }

    public static String csvRow(EpochMetrics m) {
        Evaluation t = m.test();
        return m.epoch() + "," + m.learningRate() + "," + m.trainLoss() + "," + m.trainAccuracy() + "," + t.loss() + ","
                + t.top1() + "," + t.top5() + "," + t.ece() + "," + m.imagesPerSecond() + "," + m.seconds();
    }
}
