package dev.incept.classroom.answer;

import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.JsonNode;
import dev.incept.failure.InceptException;
import dev.incept.json.SpecJson;
import dev.incept.spec.Network;
import dev.incept.train.TrainConfig;
import dev.incept.train.Trainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A trained network a student handed back: its description and its weights, as the bytes of a
 * safetensors file. The grading kernel rebuilds it in a trainer of its own ({@link #trainer}), so
 * every evaluation of it runs in the grader's process, on the grader's data.
 */
public record HandedWeights(Network network, byte[] safetensors) {
    static HandedWeights of(JsonNode value) {
        if (!value.path("network").isTextual() || !value.path("safetensors").isTextual()) {
            throw new IllegalArgumentException("a weights answer must hold a network and its safetensors");
        }
        String text = value.path("safetensors").asText();
        if (text.length() > AnswerCodec.MAX_WEIGHT_BYTES / 3 * 4 + 4) {
            throw new IllegalArgumentException("a weights answer holds more than " + AnswerCodec.MAX_WEIGHT_BYTES + " bytes");
        }
        byte[] bytes;
        try {
            bytes = java.util.Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a weights answer's safetensors is not base64");
        }
        Network network = SpecJson.read(value.path("network").asText());
        // the grader builds the handed network before reading its weights: one larger than any
        // answer's weights could fill is refused from its description, never allocated
        long params = dev.incept.analysis.Analyzer.analyze(network, dev.incept.analysis.Convention.PYTORCH, true).params();
        if (params > AnswerCodec.MAX_WEIGHT_BYTES / 4) {
            throw new IllegalArgumentException("a weights answer's network has " + params + " parameters, more than an answer's "
                    + AnswerCodec.MAX_WEIGHT_BYTES + " bytes of weights hold");
        }
        return new HandedWeights(network, bytes);
    }

    /**
     * A trainer of the handed network (the default recipe, on {@code engine}) holding the handed
     * weights; a file that is not the network's weights is refused in one line naming why.
     */
    public Trainer trainer(Engine engine) {
        Trainer t = new Trainer(network, TrainConfig.defaults(), engine);
        Path file = null;
        try {
            file = Files.createTempFile("incept-handed-", ".safetensors");
            Files.write(file, safetensors);
            t.startFrom(file);
            return t;
        } catch (IOException e) {
            t.close();
            throw new UncheckedIOException(e);
        } catch (InceptException | IllegalArgumentException e) {
            t.close();
            throw new IllegalStateException("the handed weights do not load: " + e.getMessage().replaceAll("\\S*incept-handed-\\S*: ", ""));
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file in the kernel's private /tmp
                }
            }
        }
    }
}
