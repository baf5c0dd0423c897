package dev.incept.run;

import dev.incept.data.Augment;
import dev.incept.engine.EngineChoice;
import dev.incept.optim.LearningRate;
import dev.incept.optim.OptimizerKind;
import dev.incept.optim.OptimizerSpec;
import dev.incept.precision.Precision;
import dev.incept.train.TrainConfig;
import java.util.Locale;
import java.util.Optional;

/**
 * Every setting of a training run, in one table: its name (a sweep's and a notebook's key, the
 * command line's flag), the kind of value it takes, its default, where its value goes (for a
 * setting of the {@link TrainConfig}: how it changes the recipe's configuration), whether a resume
 * may change it, whether a sweep point may set it, and its help. {@link TrainSettings} is a loop
 * over this table; the command line's usage and parsing, the resume rules and the sweep's checks
 * read it too.
 */
public enum TrainOption {
    MODEL("model", "NAME", Use.RUN, OptionValue.TEXT, TrainSettings.DEFAULT_MODEL, null,
            "a zoo model (default inception-mini); on the command line, the first word"),
    SPEC("spec", "FILE.json", Use.RUN, OptionValue.TEXT, null, null, "a description file instead of a zoo model"),
    DATA("data", "SET", Use.RUN, OptionValue.TEXT, "fashion-mnist", null, "fashion-mnist[:DIR] (default; Debian's dataset-fashion-mnist),\n"
            + "cifar10:DIR (binary version), folder:DIR (DIR/train/<class>, DIR/test/<class>)"),
    INPUT("input", "N", Use.RUN, new OptionValue("a size in [1, " + TrainSettings.MAX_INPUT + "]", s -> {
        int n = (Integer) OptionValue.POSITIVE_INT.parse(s);
        if (n > TrainSettings.MAX_INPUT) {
            throw new IllegalArgumentException("must be in [1, " + TrainSettings.MAX_INPUT + "], got " + n);
        }
        return n;
    }), null, null, "resize images to N x N (default: the data's own size)"),
    // The recipe is the configuration every setting below changes: applied first, it changes nothing itself.
    RECIPE("recipe", "NAME", Use.RUN, new OptionValue("a recipe's name", NamedRecipe::of), NamedRecipe.DEFAULT.key(), (c, v) -> c,
            recipeHelp()),
    EPOCHS("epochs", "N", Use.RESUMABLE, OptionValue.POSITIVE_INT, null, (c, v) -> c.withEpochs((Integer) v),
            "how many epochs in all (default: the recipe's)"),
    BATCH("batch", "N", Use.RUN, OptionValue.POSITIVE_INT, null, (c, v) -> c.withBatchSize((Integer) v), "images per step (default: the recipe's)"),
    OPTIMIZER("optimizer", "rmsprop|sgd|adam", Use.RUN, OptionValue.choice(OptimizerKind.class), null,
            (c, v) -> c.withOptimizer(switch ((OptimizerKind) v) {
                case RMSPROP -> OptimizerSpec.paperRmsProp().withWeightDecay(c.optimizer().weightDecay());
                case SGD -> OptimizerSpec.sgd(0.9, c.optimizer().weightDecay());
                case ADAM -> OptimizerSpec.adam(c.optimizer().weightDecay());
            }), "the update rule (default: the recipe's)"),
    LR("lr", "X", Use.RUN, OptionValue.NUMBER, null, (c, v) -> c.withLearningRate(lr(c).withBase((Double) v)), "base learning rate"),
    LR_DECAY("lr-decay", "F", Use.RUN, OptionValue.NUMBER, null, (c, v) -> c.withLearningRate(lr(c).withFactor((Double) v)),
            "multiply the learning rate by F ..."),
    LR_EVERY("lr-every", "EPOCHS", Use.RUN, OptionValue.NUMBER, null, (c, v) -> c.withLearningRate(lr(c).withEveryEpochs((Double) v)),
            "... every EPOCHS epochs"),
    WARMUP("warmup", "EPOCHS", Use.RUN, OptionValue.NUMBER, null, (c, v) -> c.withLearningRate(lr(c).withWarmup((Double) v)),
            "linear warm-up from 0 over EPOCHS epochs"),
    MOMENTUM("momentum", "M", Use.RUN, OptionValue.NUMBER, null, (c, v) -> c.withOptimizer(c.optimizer().withMomentum((Double) v)),
            "the optimizer's momentum"),
    WEIGHT_DECAY("weight-decay", "W", Use.RUN, OptionValue.NUMBER, null,
            (c, v) -> c.withOptimizer(c.optimizer().withWeightDecay((Double) v)), "L2 weight decay"),
    LABEL_SMOOTHING("label-smoothing", "E", Use.RUN, OptionValue.NUMBER, null, (c, v) -> c.withLabelSmoothing((Double) v),
            "0 = plain cross-entropy"),
    AUX("aux", null, Use.RUN, OptionValue.SWITCH, null, null, "train with the model's auxiliary head(s)"),
    NO_AUX_BN("no-aux-bn", null, Use.RUN, OptionValue.SWITCH, null, null, "aux heads without batch norm"),
    AUX_WEIGHT("aux-weight", "W", Use.RUN, OptionValue.NUMBER, null, (c, v) -> c.withAuxWeight((Double) v),
            "override every aux head's loss weight (0.3 GoogLeNet, 0.4 v3)"),
    CLIP_NORM("clip-norm", "C", Use.RUN, OptionValue.NUMBER, null, (c, v) -> c.withClipNorm((Double) v),
            "clip gradients by global norm (0 = off)"),
    EMA("ema", "D", Use.RUN, OptionValue.NUMBER, null, (c, v) -> c.withEmaDecay((Double) v),
            "evaluate with a moving average of the weights (0 = off)"),
    NO_AUGMENT("no-augment", null, Use.RUN, OptionValue.SWITCH, null, (c, v) -> c.withAugment(Augment.NONE), "no random shifts and flips"),
    RANDOM_ERASE("random-erase", "P", Use.RUN, OptionValue.PROBABILITY, "0", (c, v) -> c.withAugment(c.augment().withErase((Double) v)),
            "erase a random patch (2-40% of the image) with probability P (default 0)"),
    ENGINE("engine", "mxnet|pytorch", Use.RESUMABLE, OptionValue.choice(EngineChoice.class), null, null,
            "(default mxnet, or $INCEPT_ENGINE)"),
    DEVICE("device", "cpu|gpu", Use.RESUMABLE, OptionValue.choice(DeviceChoice.class), "cpu", null, "(default cpu)"),
    WEIGHTS("weights", "FILE", Use.START, OptionValue.TEXT, null, null,
            "start from saved weights, .pth (torch.save) or .safetensors: by\n"
            + "torchvision's or timm's names (googlenet-3x3, inception-v3, inception-v4,\n"
            + "inception-resnet-v2, inception-next-*; another class count keeps the classifier\n"
            + "as initialised), or incept's own names for any network (Trainer.weights())"),
    FREEZE_UNTIL("freeze-until", "BLOCK", Use.RUN, OptionValue.TEXT, null, (c, v) -> c.withFreezeUntil((String) v),
            "train only the top-level blocks after BLOCK (and the aux heads)"),
    PRECISION("precision", "float32|fp16", Use.RUN, new OptionValue("float32 or fp16", Precision::of), "float32",
            (c, v) -> c.withPrecision((Precision) v),
            "fp16: forward and backward in 16 bits with float32 weights and dynamic\n"
            + "loss scaling, as torch.autocast with GradScaler; PyTorch only (default float32)"),
    METRICS("metrics", "csv|jsonl", Use.FOLDER_RESUMABLE, OptionValue.choice(MetricsFormat.class), "csv", null,
            "per-epoch metrics as CSV (default) or JSON lines (with reliability bins)"),
    OUT("out", "DIR", Use.COMMAND, OptionValue.TEXT, null, null, "run folder: checkpoint, metrics.csv, curves.png (default runs/MODEL-TIME)"),
    RESUME("resume", "DIR", Use.COMMAND, OptionValue.TEXT, null, null, "continue the run in DIR from its last checkpoint"),
    TRAIN_LIMIT("train-limit", "N", Use.RUN, OptionValue.POSITIVE_INT, null,
            (c, v) -> c.withLimits((Integer) v, c.testLimit()), "use only the first N training images (quick runs)"),
    TEST_LIMIT("test-limit", "N", Use.RUN, OptionValue.POSITIVE_INT, null,
            (c, v) -> c.withLimits(c.trainLimit(), (Integer) v), "use only the first N test images (quick runs)"),
    SEED("seed", "N", Use.RUN, OptionValue.POSITIVE_INT, "42", (c, v) -> c.withSeed((Integer) v),
            "the seed of initialisation, shuffling and augmentation (default 42)");

    /** How a setting's value changes a configuration. */
    interface Apply {
        TrainConfig to(TrainConfig config, Object value);
    }

    /**
     * Whether the setting is part of a {@link dev.incept.train.TrainConfig} (recipe, budget,
     * execution), rather than naming the network, the data, the run's place or its folder.
     */
    public boolean configures() {
        return apply != null;
    }

    /** Where a setting may be given. */
    enum Use {
        /** What the run is; fixed once it started. */
        RUN,
        /** Part of the run, and a resume may change it. */
        RESUMABLE,
        /** How a new run starts (not stored in run.json). */
        START,
        /** How the folder is written; a resume may change it. */
        FOLDER_RESUMABLE,
        /** Where the command line puts or finds the folder; a sweep places its points itself. */
        COMMAND
    }

    private final String key;
    private final String valueName;
    private final Use use;
    private final OptionValue type;
    private final String defaultValue;
    private final Apply apply;
    private final String help;

    TrainOption(String key, String valueName, Use use, OptionValue type, String defaultValue, Apply apply, String help) {
        this.key = key;
        this.valueName = valueName;
        this.use = use;
        this.type = type;
        this.defaultValue = defaultValue;
        this.apply = apply;
        this.help = help;
    }

    public String key() {
        return key;
    }

    /** How the setting is named in a sentence: "label smoothing", "learning rate". */
    public String words() {
        return switch (this) {
            case LR -> "learning rate";
            case LR_DECAY -> "learning-rate decay";
            case LR_EVERY -> "learning-rate step";
            case EMA -> "moving-average decay";
            case AUX -> "the aux heads";
            default -> key.replace('-', ' ');
        };
    }

    /** The value's placeholder in a usage line ("N", "FILE"), or null for a switch. */
    public String valueName() {
        return valueName;
    }

    /** The kind of value it takes. */
    public OptionValue type() {
        return type;
    }

    /** Its value when not given, as text, or null where it has none of its own (the recipe's, the data's, the environment's). */
    public String defaultValue() {
        return defaultValue;
    }

    /** Its help, one or more lines. */
    public String help() {
        return help;
    }

    /** A switch, on when named ("true" in a sweep), rather than a setting with a value. */
    public boolean isFlag() {
        return type == OptionValue.SWITCH;
    }

    /** {@code text} as this setting's value, or a refusal naming the setting. */
    public Object parse(String text) {
        try {
            return type.parse(text);
        } catch (IllegalArgumentException e) {
            throw new SettingException(this, e.getMessage());
        }
    }

    /** {@code config} with this setting's {@code value}; a value the configuration refuses is refused naming the setting. */
    TrainConfig applyTo(TrainConfig config, Object value) {
        try {
            return apply.to(config, value);
        } catch (IllegalArgumentException e) {
            throw new SettingException(this, e.getMessage());
        }
    }

    private static LearningRate lr(TrainConfig c) {
        return c.learningRate();
    }

    /** Whether a resume may change it. */
    public boolean changesOnResume() {
        return use == Use.RESUMABLE || use == Use.FOLDER_RESUMABLE || this == RESUME;
    }

    /** Whether a sweep point may set it (a sweep names each point's folder itself). */
    public boolean inSweep() {
        return use != Use.COMMAND;
    }

    public static Optional<TrainOption> of(String key) {
        for (TrainOption o : values()) {
            if (o.key.equals(key)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /** The option named {@code key}, or a one-line refusal that suggests the nearest name. */
    public static TrainOption require(String key, String what) {
        return of(key).orElseThrow(() -> new SettingException("unknown " + what + " '" + key + "'" + nearest(key)
                .map(n -> "; did you mean " + n + "?").orElse("")));
    }

    private static Optional<String> nearest(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (TrainOption o : values()) {
            int d = distance(key.toLowerCase(Locale.ROOT), o.key);
            if (d < bestDistance) {
                best = o.key;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(2, key.length() / 4) ? Optional.of(best) : Optional.empty();
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int swap = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + swap);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static String recipeHelp() {
        StringBuilder b = new StringBuilder();
        for (NamedRecipe r : NamedRecipe.values()) {
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append(r.key()).append(": ").append(r.description());
        }
        return b.toString();
    }
}
