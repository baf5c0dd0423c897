package dev.incept.command;



import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line options: positionals, --flag and --key value (or --key=value), checked against a whitelist. */
public final class Args {
    public final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();

    public static Args parse(List<String> argv, Set<String> flags, Set<String> valued) {
        CommandWords words = CommandWords.split(argv, flags::contains, valued::contains);
        Args a = new Args();
        a.positional.addAll(words.positional());
        a.options.putAll(words.options());
        return a;
    }

    /** The options given, flags and valued, without their values. */
    Set<String> given() {
        return Set.copyOf(options.keySet());
    }

    public boolean flag(String key) {
        return options.containsKey(key);
    }

    public String get(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    /** A whole number > 0, or null when the option is absent. */
    public Integer positiveInt(String key) {
        return intAtLeast(key, 1, "a positive integer");
    }

    /** A whole number >= 0, or null when the option is absent. */
    public Integer nonNegativeInt(String key) {
        return intAtLeast(key, 0, "an integer >= 0");
    }

    private Integer intAtLeast(String key, int min, String what) {
        String v = options.get(key);
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--" + key + " needs " + what + ", got '" + v + "'");
    }

    /** A finite number >= 0, or null when the option is absent. */
    Double number(String key) {
        String v = options.get(key);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d) && d >= 0) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--" + key + " needs a number >= 0, got '" + v + "'");
    }
}
