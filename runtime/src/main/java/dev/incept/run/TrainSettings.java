package dev.incept.run;

import dev.incept.data.Augment;
import dev.incept.data.DataSource;
import dev.incept.engine.EngineChoice;
import dev.incept.json.SpecJson;
import dev.incept.spec.FeatureShape;
import dev.incept.spec.Network;
import dev.incept.optim.LearningRate;
import dev.incept.optim.OptimizerSpec;
import dev.incept.precision.Precision;
import dev.incept.train.TrainConfig;
import dev.incept.zoo.ModelConfig;
import dev.incept.zoo.Zoo;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A run's settings as written, by {@link TrainOption}: from the command line's words, a sweep
 * point's map or a notebook. Every value is checked when the {@link RunSpec} is made, before any
 * folder is touched or any engine loads.
 */
public record TrainSettings(Map<TrainOption, String> values) {
    public static final String DEFAULT_MODEL = "inception-mini";
    public static final int MAX_INPUT = 4096;

    public TrainSettings {
        values = values.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(values));
    }

    /** From settings named by their keys, as a sweep or a notebook writes them; a flag is "true" or "false". */
    public static TrainSettings of(Map<String, String> named) {
        Map<TrainOption, String> v = new EnumMap<>(TrainOption.class);
        for (Map.Entry<String, String> e : named.entrySet()) {
            TrainOption o = TrainOption.require(e.getKey(), "setting");
            String value = e.getValue();
            if (o.isFlag()) {
                if (!value.equals("true") && !value.equals("false")) {
                    throw new SettingException("'" + o.key() + "' is on or off: true or false, got '" + value + "'");
                }
                if (value.equals("false")) {
                    continue;
                }
            }
            v.put(o, value);
        }
        return new TrainSettings(v);
    }

    /** From the command line's words after 'train': the model, then --flag, --key value or --key=value. */
    public static TrainSettings parse(List<String> argv) {
        CommandWords words = CommandWords.split(argv, k -> TrainOption.of(k).filter(o -> o != TrainOption.MODEL && o.isFlag()).isPresent(),
                k -> TrainOption.of(k).filter(o -> o != TrainOption.MODEL && !o.isFlag()).isPresent());
        if (words.positional().size() > 1) {
            throw new SettingException("train takes one model name, got " + words.positional());
        }
        Map<TrainOption, String> v = new EnumMap<>(TrainOption.class);
        if (!words.positional().isEmpty()) {
            v.put(TrainOption.MODEL, words.positional().get(0));
        }
        words.options().forEach((key, value) -> v.put(TrainOption.of(key).orElseThrow(), value));
        return new TrainSettings(v);
    }

    public boolean has(TrainOption o) {
        return values.containsKey(o);
    }

    public String get(TrainOption o, String fallback) {
        return values.getOrDefault(o, fallback);
    }

    /** The same settings with {@code o} set (null: removed). */
    public TrainSettings with(TrainOption o, String value) {
        Map<TrainOption, String> v = new EnumMap<>(TrainOption.class);
        v.putAll(values);
        if (value == null) {
            v.remove(o);
        } else {
            v.put(o, value);
        }
        return new TrainSettings(v);
    }

    /** Refuses every setting a sweep point or a notebook cannot give (where its folder goes is theirs to say). */
    public TrainSettings forPoint() {
        for (TrainOption o : values.keySet()) {
            if (!o.inSweep()) {
                throw new SettingException("'" + o.key() + "' cannot be a sweep setting: the sweep places each point's run folder");
            }
        }
        return this;
    }

    /** A whole number > 0, or null when absent. */
    public Integer positiveInt(TrainOption o) {
        String v = values.get(o);
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SettingException("--" + o.key() + " needs a positive integer, got '" + v + "'");
    }

    /** A finite number >= 0, or null when absent. */
    public Double number(TrainOption o) {
        String v = values.get(o);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (Double.isFinite(d) && d >= 0) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SettingException("--" + o.key() + " needs a number >= 0, got '" + v + "'");
    }

    public DataSpec dataSpec() {
        Integer input = positiveInt(TrainOption.INPUT);
        if (input != null && input > MAX_INPUT) {
            throw new SettingException("--input must be in [1, " + MAX_INPUT + "], got " + input);
        }
        return new DataSpec(get(TrainOption.DATA, "fashion-mnist"), input);
    }

    public EngineChoice engine() {
        return has(TrainOption.ENGINE) ? engineOf(get(TrainOption.ENGINE, null)) : EngineChoice.fromEnvironment();
    }

    public static EngineChoice engineOf(String name) {
        try {
            return EngineChoice.parse(name);
        } catch (IllegalArgumentException e) {
            throw new SettingException(e.getMessage());
        }
    }

    public String device() {
        String d = get(TrainOption.DEVICE, "cpu");
        if (!d.equals("cpu") && !d.equals("gpu")) {
            throw new SettingException("--device must be cpu or gpu, got '" + d + "'");
        }
        return d;
    }

    public String metricsFormat(String fallback) {
        String format = get(TrainOption.METRICS, fallback);
        if (!format.equals("csv") && !format.equals("jsonl")) {
            throw new SettingException("--metrics must be csv or jsonl, got '" + format + "'");
        }
        return format;
    }

    /** The file a new run starts from, or null. */
    public Path weights() {
        return has(TrainOption.WEIGHTS) ? Path.of(get(TrainOption.WEIGHTS, null)) : null;
    }

    /** What the run is called by: the description file, or the zoo model. */
    public String modelName() {
        return has(TrainOption.SPEC) ? get(TrainOption.SPEC, null) : get(TrainOption.MODEL, DEFAULT_MODEL);
    }

    /** The whole run, with {@code data} already opened from {@link #dataSpec()}. */
    public RunSpec spec(DataSource data) {
        Network net = network(data);
        TrainConfig cfg = config(data);
        return new RunSpec(net, modelName(), cfg, dataSpec(), engine(), device());
    }

    /** The whole run; opens its data to learn the network's input and class count. */
    public RunSpec spec() {
        return spec(dataSpec().open());
    }

    Network network(DataSource data) {
        Integer input = dataSpec().input();
        int channels = data.train().channels();
        boolean aux = has(TrainOption.AUX);
        if (has(TrainOption.SPEC)) {
            String file = get(TrainOption.SPEC, null);
            if (has(TrainOption.MODEL)) {
                throw new SettingException("give a model name or --spec, not both");
            }
            Network net = SpecJson.read(Path.of(file));
            if (aux && net.auxHeads().isEmpty()) {
                throw new SettingException("--aux: " + file + " describes no auxiliary head");
            }
            return net.withInput(FeatureShape.of(channels, input != null ? input : data.train().height(),
                    input != null ? input : data.train().width()));
        }
        String name = get(TrainOption.MODEL, DEFAULT_MODEL);
        Zoo.Model model = Zoo.find(name).orElseThrow(() -> new SettingException("unknown model '" + name + "'; try 'incept models'"));
        Network net = model.build(new ModelConfig(data.train().classes(), channels, input != null ? input : data.train().height(), aux,
                !has(TrainOption.NO_AUX_BN)));
        if (aux && net.auxHeads().isEmpty()) {
            throw new SettingException("--aux: " + name + " has no auxiliary head");
        }
        return net;
    }

    TrainConfig config(DataSource data) {
        return config(data.augment());
    }

    /**
     * The recipe, budget and execution alone, for a trainer driven by hand: {@code dataAugment} is
     * the augmentation the data calls for, unless the settings turn it off. Settings that say where
     * the network, the data or the run's place come from ({@link TrainOption#configures()}) are
     * refused, since no run is made here.
     */
    public TrainConfig configOnly(Augment dataAugment) {
        for (TrainOption o : values.keySet()) {
            if (!o.configures()) {
                throw new SettingException("'" + o.key() + "' is not part of a recipe: it belongs to a run (runSpec, incept train)");
            }
        }
        return config(dataAugment);
    }

    private TrainConfig config(Augment dataAugment) {
        try {
            return configOf(dataAugment);
        } catch (IllegalArgumentException e) {
            throw new SettingException(e.getMessage());
        }
    }

    private TrainConfig configOf(Augment dataAugment) {
        TrainConfig cfg = (has(TrainOption.RECIPE) ? NamedRecipe.of(get(TrainOption.RECIPE, null)) : NamedRecipe.DEFAULT).config();
        cfg = cfg.withAugment(has(TrainOption.NO_AUGMENT) ? Augment.NONE : dataAugment);
        Double erase = number(TrainOption.RANDOM_ERASE);
        if (erase != null) {
            if (erase > 1) {
                throw new SettingException("--random-erase is a probability in [0, 1], got " + erase);
            }
            cfg = cfg.withAugment(cfg.augment().withErase(erase));
        }
        TrainConfig.Builder b = cfg.toBuilder();
        Integer epochs = positiveInt(TrainOption.EPOCHS);
        if (epochs != null) {
            b.epochs(epochs);
        }
        Integer batch = positiveInt(TrainOption.BATCH);
        if (batch != null) {
            b.batchSize(batch);
        }
        b.optimizer(optimizer(cfg.optimizer()));
        LearningRate lr = cfg.learningRate();
        b.learningRate(new LearningRate(or(TrainOption.LR, lr.base()), or(TrainOption.LR_DECAY, lr.factor()),
                or(TrainOption.LR_EVERY, lr.everyEpochs()), or(TrainOption.WARMUP, lr.warmupEpochs())));
        if (has(TrainOption.LABEL_SMOOTHING)) {
            b.labelSmoothing(number(TrainOption.LABEL_SMOOTHING));
        }
        if (has(TrainOption.AUX_WEIGHT)) {
            b.auxWeight(number(TrainOption.AUX_WEIGHT));
        }
        if (has(TrainOption.CLIP_NORM)) {
            b.clipNorm(number(TrainOption.CLIP_NORM));
        }
        if (has(TrainOption.EMA)) {
            b.emaDecay(number(TrainOption.EMA));
        }
        if (has(TrainOption.FREEZE_UNTIL)) {
            b.freezeUntil(get(TrainOption.FREEZE_UNTIL, null));
        }
        if (has(TrainOption.PRECISION)) {
            try {
                b.precision(Precision.of(get(TrainOption.PRECISION, null)));
            } catch (IllegalArgumentException e) {
                throw new SettingException("--" + e.getMessage());
            }
        }
        Integer seed = positiveInt(TrainOption.SEED);
        if (seed != null) {
            b.seed(seed);
        }
        Integer trainLimit = positiveInt(TrainOption.TRAIN_LIMIT);
        Integer testLimit = positiveInt(TrainOption.TEST_LIMIT);
        b.trainLimit(trainLimit == null ? Integer.MAX_VALUE : trainLimit).testLimit(testLimit == null ? Integer.MAX_VALUE : testLimit);
        return b.build();
    }

    private OptimizerSpec optimizer(OptimizerSpec recipe) {
        OptimizerSpec opt = recipe;
        if (has(TrainOption.OPTIMIZER)) {
            dev.incept.optim.OptimizerKind k;
            try {
                k = OptimizerSpec.kind(get(TrainOption.OPTIMIZER, null));
            } catch (IllegalArgumentException e) {
                throw new SettingException(e.getMessage());
            }
            opt = switch (k) {
                case RMSPROP -> OptimizerSpec.paperRmsProp().withWeightDecay(opt.weightDecay());
                case SGD -> OptimizerSpec.sgd(0.9, opt.weightDecay());
                case ADAM -> OptimizerSpec.adam(opt.weightDecay());
            };
        }
        if (has(TrainOption.MOMENTUM)) {
            opt = opt.withMomentum(number(TrainOption.MOMENTUM));
        }
        if (has(TrainOption.WEIGHT_DECAY)) {
            opt = opt.withWeightDecay(number(TrainOption.WEIGHT_DECAY));
        }
        return opt;
    }

    private double or(TrainOption o, double fallback) {
        Double v = number(o);
        return v == null ? fallback : v;
    }
}
