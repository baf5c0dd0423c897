package dev.incept.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incept.engine.EngineChoice;
import dev.incept.json.SpecJson;
import dev.incept.spec.Network;
import dev.incept.storage.DurableFile;
import dev.incept.train.TrainConfig;
import dev.incept.train.TrainConfigJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * What a run is, as its folder's {@code run.json} stores it: the description trained (in full, so
 * the folder needs nothing else to be rebuilt), the name it was asked for by (a zoo model, or a
 * file), the training configuration, the data, and the engine and device it ran on (the defaults
 * for reopening it; a resume or an evaluation may run it elsewhere).
 */
public record RunSpec(Network network, String model, TrainConfig config, DataSpec data, EngineChoice engine, DeviceChoice device) {
    public static final String FILE_NAME = "run.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** With the device as text, "cpu" or "gpu". */
    public RunSpec(Network network, String model, TrainConfig config, DataSpec data, EngineChoice engine, String device) {
        this(network, model, config, data, engine, DeviceChoice.of(device));
    }

    public RunSpec withConfig(TrainConfig c) {
        return new RunSpec(network, model, c, data, engine, device);
    }

    public RunSpec withPlace(EngineChoice otherEngine, DeviceChoice otherDevice) {
        return new RunSpec(network, model, config, data, otherEngine, otherDevice);
    }

    public void write(Path dir) {
        DurableFile.write(dir.resolve(FILE_NAME), toJson().getBytes(StandardCharsets.UTF_8));
    }

    /** The run as its run.json holds it. */
    public String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", "incept-run/1");
        o.put("model", model);
        o.set("network", readTree(SpecJson.write(network)));
        o.set("config", TrainConfigJson.write(config));
        ObjectNode d = o.putObject("data");
        d.put("source", data.source());
        if (data.input() == null) {
            d.putNull("input");
        } else {
            d.put("input", data.input());
        }
        o.put("engine", engine.key());
        o.put("device", device.label());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException("a run's JSON failed to serialise", e);
        }
    }

    public static RunSpec read(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new RunException(file + " is damaged: it is not UTF-8 text", e);
        } catch (NoSuchFileException e) {
            throw new RunException("no " + FILE_NAME + " in " + dir + " (is it a run folder made by incept train?)", e);
        } catch (IOException e) {
            throw new RunException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return fromJson(text, file.toString());
    }

    /** A run from its run.json's text; {@code where} names it in the message when it is damaged. */
    public static RunSpec fromJson(String text, String where) {
        JsonNode o;
        try {
            o = JSON.readTree(text);
        } catch (IOException e) {
            String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new RunException(where + " is damaged: it is not JSON (" + why + ")", e);
        }
        try {
            if (o == null || !"incept-run/1".equals(o.path("format").asText())) {
                throw new IllegalArgumentException("format: expected incept-run/1");
            }
            Network net = SpecJson.read(o.path("network").toString());
            JsonNode d = o.path("data");
            DataSpec data = new DataSpec(d.path("source").asText(), d.path("input").isNumber() ? d.path("input").asInt() : null);
            return new RunSpec(net, o.path("model").asText(), TrainConfigJson.read(o.path("config")), data,
                    EngineChoice.parse(o.path("engine").asText()), DeviceChoice.of(o.path("device").asText("cpu")));
        } catch (IllegalArgumentException | dev.incept.spec.SpecException e) {
            throw new RunException(where + " is damaged: " + e.getMessage(), e);
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("the description's own JSON did not parse", e);
        }
    }
}
