package dev.incept.run;

import java.util.Locale;

/** How a run folder keeps its per-epoch figures: metrics.csv, or metrics.jsonl with reliability bins. */
public enum MetricsFormat {
    CSV, JSONL;

    /** The file's extension, and the setting's value. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "csv" or "jsonl", any case. */
    public static MetricsFormat of(String text) {
        return (MetricsFormat) OptionValue.choice(MetricsFormat.class).parse(text);
    }

    /** The file name in a run folder. */
    public String fileName() {
        return "metrics." + label();
    }
}
