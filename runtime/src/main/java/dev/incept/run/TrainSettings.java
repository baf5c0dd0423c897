package dev.incept.run;

import dev.incept.data.Augment;
import dev.incept.data.DataSource;
import dev.incept.engine.EngineChoice;
import dev.incept.json.SpecJson;
import dev.incept.spec.FeatureShape;
import dev.incept.spec.Network;
import dev.incept.train.TrainConfig;
import dev.incept.zoo.ModelConfig;
import dev.incept.zoo.Zoo;
import java.nio.file.Path;
import java.util.EnumMap;
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

    /** The value of {@code o} as its kind (Integer, Double, an enum, text), or null when absent. */
    public Object value(TrainOption o) {
        String v = values.get(o);
        return v == null ? null : o.parse(v);
    }

    /** A whole number > 0, or null when absent. */
    public Integer positiveInt(TrainOption o) {
        return (Integer) value(o);
    }

    public DataSpec dataSpec() {
        return new DataSpec(get(TrainOption.DATA, TrainOption.DATA.defaultValue()), (Integer) value(TrainOption.INPUT));
    }

    public EngineChoice engine() {
        return has(TrainOption.ENGINE) ? (EngineChoice) value(TrainOption.ENGINE) : EngineChoice.fromEnvironment();
    }

    public DeviceChoice device() {
        return (DeviceChoice) TrainOption.DEVICE.parse(get(TrainOption.DEVICE, TrainOption.DEVICE.defaultValue()));
    }

    /** The metrics format asked for, else {@code fallback}. */
    public MetricsFormat metricsFormat(MetricsFormat fallback) {
        return has(TrainOption.METRICS) ? (MetricsFormat) value(TrainOption.METRICS) : fallback;
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
                throw new SettingException(TrainOption.SPEC, "is a description file instead of a model; give one of them, not both");
            }
            Network net = SpecJson.read(Path.of(file));
            if (aux && net.auxHeads().isEmpty()) {
                throw new SettingException(TrainOption.AUX, ": " + file + " describes no auxiliary head");
            }
            return net.withInput(FeatureShape.of(channels, input != null ? input : data.train().height(),
                    input != null ? input : data.train().width()));
        }
        String name = get(TrainOption.MODEL, DEFAULT_MODEL);
        Zoo.Model model = Zoo.find(name).orElseThrow(() -> new SettingException("unknown model '" + name + "'; try 'incept models'"));
        Network net = model.build(new ModelConfig(data.train().classes(), channels, input != null ? input : data.train().height(), aux,
                !has(TrainOption.NO_AUX_BN)));
        if (aux && net.auxHeads().isEmpty()) {
            throw new SettingException(TrainOption.AUX, ": " + name + " has no auxiliary head");
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

    /** The named recipe's configuration with the data's augmentation, changed by each setting in the table's order. */
    private TrainConfig config(Augment dataAugment) {
        NamedRecipe recipe = has(TrainOption.RECIPE) ? (NamedRecipe) value(TrainOption.RECIPE) : NamedRecipe.DEFAULT;
        TrainConfig cfg = recipe.config().withAugment(dataAugment);
        for (TrainOption o : TrainOption.values()) {
            if (o.configures() && has(o)) {
                cfg = o.applyTo(cfg, value(o));
            }
        }
        return cfg;
    }

}
