package dev.incept.run;

import dev.incept.train.TrainConfig;

/** The named starting points of a run's settings; each name means one thing wherever it is written. */
public enum NamedRecipe {
    PAPER("paper", "the Inception-v3 paper's, as published: RMSProp(0.9, eps 1.0, momentum 0.9),\n"
            + "lr 0.045 x 0.94 every 2 epochs, label smoothing 0.1, clipping at global norm 2.0,\n"
            + "moving average 0.9999; 100 epochs at batch 32"),
    SHORT("short", "the paper's recipe in 10 epochs at batch 128 (the default)"),
    PLAIN("plain", "SGD momentum 0.9 at a constant 0.05, none of the rest; 10 epochs at batch 128");

    /** What a run starts from when no recipe is named. */
    public static final NamedRecipe DEFAULT = SHORT;

    private final String key;
    private final String description;

    NamedRecipe(String key, String description) {
        this.key = key;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    public TrainConfig config() {
        return switch (this) {
            case PAPER -> TrainConfig.paper();
            case SHORT -> TrainConfig.paper().withBatchSize(128).withEpochs(10);
            case PLAIN -> TrainConfig.defaults();
        };
    }

    public static NamedRecipe of(String key) {
        for (NamedRecipe r : values()) {
            if (r.key.equals(key)) {
                return r;
            }
        }
        StringBuilder names = new StringBuilder();
        for (NamedRecipe r : values()) {
            names.append(names.length() == 0 ? "" : ", ").append(r.key);
        }
        throw new SettingException(TrainOption.RECIPE, "must be one of " + names + ", got '" + key + "'");
    }
}
