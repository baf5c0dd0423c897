package dev.incept.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incept.data.Augment;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import dev.incept.optim.LearningRate;
import dev.incept.optim.OptimizerSpec;
import dev.incept.precision.Precision;

/**
 * A training configuration as JSON, every field named, so that a run folder says how it was
 * trained in a form any program can read. Reading is strict: a missing or unknown field, or a
 * value out of its range, is an {@link IllegalArgumentException} naming the field.
 */
public final class TrainConfigJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrainConfigJson() {
    }

    public static ObjectNode write(TrainConfig c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("epochs", c.epochs());
        o.put("batchSize", c.batchSize());
        o.set("optimizer", optimizer(c.optimizer()));
        ObjectNode lr = o.putObject("learningRate");
        lr.put("base", c.learningRate().base());
        lr.put("factor", c.learningRate().factor());
        lr.put("everyEpochs", c.learningRate().everyEpochs());
        lr.put("warmupEpochs", c.learningRate().warmupEpochs());
        o.put("labelSmoothing", c.labelSmoothing());
        if (c.auxWeight() == null) {
            o.putNull("auxWeight");
        } else {
            o.put("auxWeight", c.auxWeight());
        }
        o.put("clipNorm", c.clipNorm());
        o.put("emaDecay", c.emaDecay());
        ObjectNode aug = o.putObject("augment");
        aug.put("cropPadding", c.augment().cropPadding());
        aug.put("flip", c.augment().flip());
        aug.put("erase", c.augment().erase());
        o.put("seed", c.seed());
        o.put("trainLimit", c.trainLimit());
        o.put("testLimit", c.testLimit());
        o.put("precision", c.precision().label());
        if (c.freezeUntil() != null) {
            o.put("freezeUntil", c.freezeUntil());
        }
        return o;
    }

    /** An optimizer's settings as JSON, in run.json's config and in a checkpoint's header. */
    public static ObjectNode optimizer(OptimizerSpec spec) {
        ObjectNode opt = JSON.createObjectNode();
        opt.put("kind", spec.kind().name().toLowerCase(Locale.ROOT));
        opt.put("momentum", spec.momentum());
        opt.put("decay", spec.decay());
        opt.put("epsilon", spec.epsilon());
        opt.put("weightDecay", spec.weightDecay());
        return opt;
    }

    /** The settings {@link #optimizer(OptimizerSpec)} wrote. */
    public static OptimizerSpec optimizer(JsonNode opt) {
        only(opt, "config.optimizer", Set.of("kind", "momentum", "decay", "epsilon", "weightDecay"));
        return new OptimizerSpec(OptimizerSpec.kind(field(opt, "config.optimizer", "kind").asText()),
                number(opt, "config.optimizer", "momentum"), number(opt, "config.optimizer", "decay"),
                number(opt, "config.optimizer", "epsilon"), number(opt, "config.optimizer", "weightDecay"));
    }

    public static TrainConfig read(JsonNode o) {
        only(o, "config", Set.of("epochs", "batchSize", "optimizer", "learningRate", "labelSmoothing", "auxWeight", "clipNorm",
                "emaDecay", "augment", "seed", "trainLimit", "testLimit", "precision", "freezeUntil"));
        JsonNode opt = field(o, "config", "optimizer");
        JsonNode lr = field(o, "config", "learningRate");
        only(lr, "config.learningRate", Set.of("base", "factor", "everyEpochs", "warmupEpochs"));
        JsonNode aug = field(o, "config", "augment");
        only(aug, "config.augment", Set.of("cropPadding", "flip", "erase"));
        JsonNode aux = field(o, "config", "auxWeight");
        TrainConfig.Recipe recipe = new TrainConfig.Recipe(
                optimizer(opt),
                new LearningRate(number(lr, "config.learningRate", "base"), number(lr, "config.learningRate", "factor"),
                        number(lr, "config.learningRate", "everyEpochs"), number(lr, "config.learningRate", "warmupEpochs")),
                number(o, "config", "labelSmoothing"), aux.isNull() ? null : number(o, "config", "auxWeight"),
                number(o, "config", "clipNorm"), number(o, "config", "emaDecay"),
                new Augment(integer(aug, "config.augment", "cropPadding"), bool(aug, "config.augment", "flip"),
                        number(aug, "config.augment", "erase")));
        TrainConfig.Budget budget = new TrainConfig.Budget(integer(o, "config", "epochs"), integer(o, "config", "batchSize"),
                integer(o, "config", "trainLimit"), integer(o, "config", "testLimit"), field(o, "config", "seed").asLong());
        return new TrainConfig(recipe, budget,
                new TrainConfig.Execution(precision(o), o.hasNonNull("freezeUntil") ? o.get("freezeUntil").asText() : null));
    }

    /** Absent in runs written before mixed precision existed: those trained in float32. */
    private static Precision precision(JsonNode o) {
        JsonNode p = o.get("precision");
        if (p == null) {
            return Precision.FLOAT32;
        }
        if (!p.isTextual()) {
            throw new IllegalArgumentException("config.precision: expected float32 or fp16, got " + p);
        }
        try {
            return Precision.of(p.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config." + e.getMessage());
        }
    }

    private static void only(JsonNode o, String where, Set<String> allowed) {
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException(where + ": expected an object");
        }
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException(where + "." + name + ": unknown field");
            }
        }
    }

    private static JsonNode field(JsonNode o, String where, String name) {
        JsonNode v = o.get(name);
        if (v == null) {
            throw new IllegalArgumentException(where + "." + name + ": missing");
        }
        return v;
    }

    private static double number(JsonNode o, String where, String name) {
        JsonNode v = field(o, where, name);
        if (!v.isNumber()) {
            throw new IllegalArgumentException(where + "." + name + ": expected a number, got " + v);
        }
        return v.asDouble();
    }

    private static int integer(JsonNode o, String where, String name) {
        JsonNode v = field(o, where, name);
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException(where + "." + name + ": expected an integer, got " + v);
        }
        return v.asInt();
    }

    private static boolean bool(JsonNode o, String where, String name) {
        JsonNode v = field(o, where, name);
        if (!v.isBoolean()) {
            throw new IllegalArgumentException(where + "." + name + ": expected true or false, got " + v);
        }
        return v.asBoolean();
    }
}
