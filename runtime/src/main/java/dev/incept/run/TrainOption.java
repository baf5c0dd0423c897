package dev.incept.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every setting of a training run, in one table: its name (the command line's {@code --name}, a
 * sweep's and a notebook's key), what value it takes, whether a resume may change it, whether a
 * sweep point may set it, and its help. The command line's usage and parsing, the resume rules and
 * the sweep's checks are all read from here.
 */
public enum TrainOption {
    MODEL("model", "NAME", Use.RUN, "a zoo model (default inception-mini); on the command line, the first word"),
    SPEC("spec", "FILE.json", Use.RUN, "a description file instead of a zoo model"),
    DATA("data", "SET", Use.RUN, "fashion-mnist[:DIR] (default; Debian's dataset-fashion-mnist),\n"
            + "cifar10:DIR (binary version), folder:DIR (DIR/train/<class>, DIR/test/<class>)"),
    INPUT("input", "N", Use.RUN, "resize images to N x N (default: the data's own size)"),
    RECIPE("recipe", "NAME", Use.RUN, recipeHelp()),
    EPOCHS("epochs", "N", Use.RESUMABLE, "how many epochs in all (default: the recipe's)"),
    BATCH("batch", "N", Use.RUN, "images per step (default: the recipe's)"),
    OPTIMIZER("optimizer", "rmsprop|sgd|adam", Use.RUN, "the update rule (default: the recipe's)"),
    LR("lr", "X", Use.RUN, "base learning rate"),
    LR_DECAY("lr-decay", "F", Use.RUN, "multiply the learning rate by F ..."),
    LR_EVERY("lr-every", "EPOCHS", Use.RUN, "... every EPOCHS epochs"),
    WARMUP("warmup", "EPOCHS", Use.RUN, "linear warm-up from 0 over EPOCHS epochs"),
    MOMENTUM("momentum", "M", Use.RUN, "the optimizer's momentum"),
    WEIGHT_DECAY("weight-decay", "W", Use.RUN, "L2 weight decay"),
    LABEL_SMOOTHING("label-smoothing", "E", Use.RUN, "0 = plain cross-entropy"),
    AUX("aux", null, Use.RUN, "train with the model's auxiliary head(s)"),
    NO_AUX_BN("no-aux-bn", null, Use.RUN, "aux heads without batch norm"),
    AUX_WEIGHT("aux-weight", "W", Use.RUN, "override every aux head's loss weight (0.3 GoogLeNet, 0.4 v3)"),
    CLIP_NORM("clip-norm", "C", Use.RUN, "clip gradients by global norm (0 = off)"),
    EMA("ema", "D", Use.RUN, "evaluate with a moving average of the weights (0 = off)"),
    NO_AUGMENT("no-augment", null, Use.RUN, "no random shifts and flips"),
    RANDOM_ERASE("random-erase", "P", Use.RUN, "erase a random patch (2-40% of the image) with probability P (default 0)"),
    ENGINE("engine", "mxnet|pytorch", Use.RESUMABLE, "(default mxnet, or $INCEPT_ENGINE)"),
    DEVICE("device", "cpu|gpu", Use.RESUMABLE, "(default cpu)"),
    WEIGHTS("weights", "FILE", Use.START, "start from saved weights, .pth (torch.save) or .safetensors: by\n"
            + "torchvision's or timm's names (googlenet-3x3, inception-v3, inception-v4,\n"
            + "inception-resnet-v2, inception-next-*; another class count keeps the classifier\n"
            + "as initialised), or incept's own names for any network (Trainer.weights())"),
    FREEZE_UNTIL("freeze-until", "BLOCK", Use.RUN, "train only the top-level blocks after BLOCK (and the aux heads)"),
    PRECISION("precision", "float32|fp16", Use.RUN, "fp16: forward and backward in 16 bits with float32 weights and dynamic\n"
            + "loss scaling, as torch.autocast with GradScaler; PyTorch only (default float32)"),
    METRICS("metrics", "csv|jsonl", Use.FOLDER_RESUMABLE, "per-epoch metrics as CSV (default) or JSON lines (with reliability bins)"),
    OUT("out", "DIR", Use.COMMAND, "run folder: checkpoint, metrics.csv, curves.png (default runs/MODEL-TIME)"),
    RESUME("resume", "DIR", Use.COMMAND, "continue the run in DIR from its last checkpoint"),
    TRAIN_LIMIT("train-limit", "N", Use.RUN, "use only the first N training images (quick runs)"),
    TEST_LIMIT("test-limit", "N", Use.RUN, "use only the first N test images (quick runs)"),
    SEED("seed", "N", Use.RUN, "the seed of initialisation, shuffling and augmentation (default 42)");

    /**
     * Whether the setting is part of a {@link dev.incept.train.TrainConfig} (recipe, budget,
     * execution), rather than naming the network, the data, the run's place or its folder.
     */
    public boolean configures() {
        return switch (this) {
            case MODEL, SPEC, DATA, INPUT, AUX, NO_AUX_BN, ENGINE, DEVICE, WEIGHTS, METRICS, OUT, RESUME -> false;
            default -> true;
        };
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
    private final String value;
    private final Use use;
    private final String help;

    TrainOption(String key, String value, Use use, String help) {
        this.key = key;
        this.value = value;
        this.use = use;
        this.help = help;
    }

    public String key() {
        return key;
    }

    /** A switch, on when named ("true" in a sweep), rather than a setting with a value. */
    public boolean isFlag() {
        return value == null;
    }

    /** Whether {@code incept train --resume} may change it. */
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

    /** The command line's list of options, one per line, help aligned. */
    public static String usage() {
        List<String> lines = new ArrayList<>();
        for (TrainOption o : values()) {
            if (o == MODEL) {
                continue;
            }
            String head = "  --" + o.key + (o.isFlag() ? "" : " " + o.value);
            String[] help = o.help.split("\n");
            lines.add(String.format(Locale.ROOT, "%-30s%s", head, head.length() >= 30 ? "\n" + " ".repeat(30) + help[0] : help[0]));
            for (int i = 1; i < help.length; i++) {
                lines.add(" ".repeat(30) + help[i]);
            }
        }
        return String.join("\n", lines);
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
