package dev.incept.run;

import java.util.Locale;

/** Where a run trains: the CPU, or the engine's first GPU. */
public enum DeviceChoice {
    CPU, GPU;

    /** Its name as settings, run.json and DJL write it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "cpu" or "gpu", any case. */
    public static DeviceChoice of(String text) {
        return (DeviceChoice) OptionValue.choice(DeviceChoice.class).parse(text);
    }
}
