package dev.incept.classroom.answer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import dev.incept.json.SpecJson;
import dev.incept.spec.Network;
import dev.incept.train.TrainConfig;
import dev.incept.train.Trainer;
import dev.incept.zoo.ModelConfig;
import dev.incept.zoo.Zoo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A trained network as an answer: its description and weights cross as data, and the grader's own trainer holds them. */
class HandedWeightsTest {
    private static final Network NET = Zoo.get("inception-mini").build(new ModelConfig(10, 1, 28, false, true));

    private static List<float[]> values(Trainer t) {
        List<float[]> out = new ArrayList<>();
        t.block().getParameters().forEach(p -> out.add(p.getValue().getArray().toFloatArray()));
        return out;
    }

    private static ObjectNode line(Network net, String safetensors) {
        ObjectNode o = AnswerCodec.JSON.createObjectNode().put("kind", "weights");
        o.putObject("value").put("network", SpecJson.write(net)).put("safetensors", safetensors);
        return o;
    }

    private static String refusal(ObjectNode line) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ((HandedWeights) AnswerCodec.decode(line)).trainer(Engines.load(EngineChoice.MXNET)).close());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aTrainerCrossesAsItsDescriptionAndWeightsAndTheGradersTrainerHoldsTheSameValues() {
        TrainConfig config = TrainConfig.defaults().withBatchSize(4).withSeed(3);
        List<float[]> sent;
        ObjectNode encoded;
        try (Trainer student = new Trainer(NET, config, Engines.load(EngineChoice.MXNET))) {
            encoded = AnswerCodec.encode(student);
            sent = values(student);
        }
        assertEquals("weights", encoded.path("kind").asText());
        assertEquals("weights", AnswerCodec.reader("weights"));
        HandedWeights handed = (HandedWeights) AnswerCodec.decode(AnswerCodec.JSON.valueToTree(encoded));
        assertEquals(NET, handed.network());
        try (Trainer grader = handed.trainer(Engines.load(EngineChoice.MXNET))) {
            List<float[]> got = values(grader);
            for (int i = 0; i < sent.size(); i++) {
                assertArrayEquals(sent.get(i), got.get(i), "parameter " + i);
            }
        }
    }

    @Test
    void craftedWeightsAreRefusedInOneLineInTheGradersProcess() {
        byte[] header = "{\"x\":{\"dtype\":\"F32\",\"shape\":[1099511627776],\"data_offsets\":[0,4]}}".getBytes(StandardCharsets.UTF_8);
        byte[] huge = ByteBuffer.allocate(8 + header.length + 4).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).put(header).putFloat(1).array();
        assertTrue(refusal(line(NET, Base64.getEncoder().encodeToString(huge))).contains("the handed weights do not load"));
        assertThrows(IllegalArgumentException.class, () -> AnswerCodec.decode(line(NET, "not base64!")));
        Network other = Zoo.get("inception-mini").build(new ModelConfig(7, 1, 28, false, true));
        byte[] otherWeights;
        try (Trainer t = new Trainer(other, TrainConfig.defaults().withBatchSize(4), Engines.load(EngineChoice.MXNET))) {
            otherWeights = t.weights();
        }
        String why = refusal(line(NET, Base64.getEncoder().encodeToString(otherWeights)));
        assertTrue(why.contains("nothing was loaded") && !why.contains("incept-handed-"), why);
        Network tooLarge = Zoo.get("inception-v4").build(ModelConfig.imagenet(299));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AnswerCodec.decode(line(tooLarge, "")));
        assertTrue(e.getMessage().contains("parameters, more than an answer's"), e.getMessage());
    }
}
