package dev.incept.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.incept.analysis.Analysis;
import dev.incept.analysis.BlockReport;
import dev.incept.spec.FeatureShape;

import java.util.Map;

/** An analysis as one JSON object, for scripts and for the notebooks. */
public final class AnalysisJson {
    private AnalysisJson() {
    }

    public static String write(Analysis a) {
        ObjectNode o = SpecJson.MAPPER.createObjectNode();
        o.put("network", a.network());
        o.set("input", shape(a.input()));
        o.put("convention", a.convention().label());
        o.put("includesAux", a.includesAux());
        o.put("params", a.params());
        o.put("trainableParams", a.trainableParams());
        o.put("nonTrainableParams", a.nonTrainableParams());
        o.put("macs", a.macs());
        o.set("outputShape", shape(a.output()));
        ObjectNode aux = o.putObject("auxOutputs");
        for (Map.Entry<String, FeatureShape> e : a.auxOutputs().entrySet()) {
            aux.set(e.getKey(), shape(e.getValue()));
        }
        ArrayNode blocks = o.putArray("blocks");
        for (BlockReport b : a.blocks()) {
            ObjectNode j = blocks.addObject();
            j.put("path", b.path());
            j.put("kind", b.kind());
            j.put("depth", b.depth());
            j.set("outputShape", shape(b.output()));
            j.put("params", b.params());
            j.put("trainableParams", b.trainableParams());
            j.put("macs", b.macs());
            j.set("receptiveField", LayerJson.ints((int) Math.min(Integer.MAX_VALUE, b.receptiveField().height()),
                    (int) Math.min(Integer.MAX_VALUE, b.receptiveField().width())));
        }
        try {
            return SpecJson.MAPPER.writer().withoutFeatures(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree failed to serialise", e);
        }
    }

    private static ArrayNode shape(FeatureShape s) {
        return LayerJson.ints(s.dims());
    }
}
