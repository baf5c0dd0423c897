package dev.incept.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incept.json.SpecJson;
import dev.incept.metrics.EpochMetrics;
import dev.incept.metrics.MetricsJson;
import dev.incept.optim.OptimizerSpec;
import dev.incept.spec.Network;
import dev.incept.train.TrainConfigJson;
import dev.incept.train.TrainerState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What a checkpoint says about itself: the epochs done, the seed and engine it trained with, its
 * optimizer (described and as settings), how many updates its moving average has seen, which
 * network it holds and every finished epoch's figures. The network is named and fingerprinted, not
 * stored: its description lives once, in the run's run.json (or the program that trains it).
 */
public record CheckpointHeader(int epoch, long seed, String engine, String optimizer, OptimizerSpec optimizerSpec, long emaUpdates,
                               String networkName, String networkFingerprint, List<EpochMetrics> history) {
    public CheckpointHeader {
        history = List.copyOf(history);
    }

    /** The SHA-256 of the description's JSON: equal for equal descriptions. */
    public static String fingerprint(Network network) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(SpecJson.write(network).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The header of a checkpoint of {@code s}. */
    public static CheckpointHeader of(TrainerState s) {
        return new CheckpointHeader(s.epochsDone(), s.seed(), s.engine(), s.optimizerDescription(), s.optimizer(), s.emaUpdates(),
                s.network().name(), fingerprint(s.network()), s.history());
    }

    public CheckpointHeader atEpoch(int n) {
        return new CheckpointHeader(n, seed, engine, optimizer, optimizerSpec, emaUpdates, networkName, networkFingerprint, history);
    }

    ObjectNode toJson(ObjectMapper json) {
        ObjectNode h = json.createObjectNode();
        h.put("epoch", epoch);
        h.put("seed", seed);
        h.put("engine", engine);
        h.put("optimizer", optimizer);
        h.set("optimizerSpec", TrainConfigJson.optimizer(optimizerSpec));
        h.put("ema_updates", emaUpdates);
        h.put("networkName", networkName);
        h.put("networkFingerprint", networkFingerprint);
        ArrayNode hist = h.putArray("history");
        history.forEach(m -> hist.add(MetricsJson.write(m)));
        return h;
    }

    /** Reads a header of the current format; {@code where} names the file in a refusal. */
    static CheckpointHeader fromJson(JsonNode h, String where) {
        JsonNode spec = h.path("optimizerSpec");
        if (!spec.isObject()) {
            throw new CheckpointException(where + " does not record its optimizer's settings (an incept from before 0.1 wrote it);"
                    + " it cannot be continued, train the run again");
        }
        List<EpochMetrics> history = new ArrayList<>();
        for (JsonNode m : h.path("history")) {
            history.add(MetricsJson.read(m));
        }
        return new CheckpointHeader(h.path("epoch").asInt(), h.path("seed").asLong(), h.path("engine").asText(), h.path("optimizer").asText(),
                TrainConfigJson.optimizer(spec), h.path("ema_updates").asLong(), h.path("networkName").asText(),
                h.path("networkFingerprint").asText(), history);
    }

    /**
     * Format 1 stored the whole description in the header; format 2 names and fingerprints it.
     * The one migration step from one to the other.
     */
    static ObjectNode fromFormat1(ObjectNode h, String where) {
        Network saved;
        try {
            saved = SpecJson.read(h.path("network").asText());
        } catch (RuntimeException e) {
            throw new CheckpointException(where + ": its description cannot be read (" + e.getMessage() + ")", e);
        }
        ObjectNode out = h.deepCopy();
        out.remove("network");
        out.put("networkName", saved.name());
        out.put("networkFingerprint", fingerprint(saved));
        return out;
    }
}
