package dev.incept.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a sweep: its id (the name of its run folder) and its settings, named as
 * 'incept train' names its options ("model" is the positional model name; true is a flag that is
 * on, false one that is off).
 */
public record SweepPoint(String id, Map<String, String> settings) implements Serializable {
    public SweepPoint {
        settings = new LinkedHashMap<>(settings);
    }

    /** The 'incept train' arguments of this point, without its run folder. */
    public List<String> trainArgs() {
        List<String> args = new ArrayList<>();
        String model = settings.get("model");
        if (model != null) {
            args.add(model);
        }
        for (Map.Entry<String, String> e : settings.entrySet()) {
            if (e.getKey().equals("model") || e.getKey().equals("variant")) {
                // the variant is a name for settings already here
                continue;
            }
            if (e.getValue().equals("true")) {
                args.add("--" + e.getKey());
            } else if (!e.getValue().equals("false")) {
                args.add("--" + e.getKey());
                args.add(e.getValue());
            }
        }
        return args;
    }

    /** The settings that name the group a point belongs to in the summary: all but the seed. */
    public Map<String, String> withoutSeed() {
        Map<String, String> out = new LinkedHashMap<>(settings);
        out.remove("seed");
        return out;
    }
}
