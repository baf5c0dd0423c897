package dev.incept.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line options: positionals, --flag and --key value (or --key=value), checked against a whitelist. */
final class Args {
    final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();

    static Args parse(List<String> argv, Set<String> flags, Set<String> valued) {
        Args a = new Args();
        for (int i = 0; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (!arg.startsWith("--")) {
                a.positional.add(arg);
                continue;
            }
            String key = arg.substring(2);
            String value = null;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            }
            if (a.options.containsKey(key)) {
                // the last one silently winning hid typos in long command lines
                throw new UsageException("option --" + key + " is given twice");
            }
            if (flags.contains(key) && value == null) {
                a.options.put(key, "true");
            } else if (valued.contains(key)) {
                if (value == null) {
                    if (i + 1 >= argv.size()) {
                        throw new UsageException("option --" + key + " needs a value");
                    }
                    value = argv.get(++i);
                }
                a.options.put(key, value);
            } else {
                throw new UsageException("unknown option --" + key);
            }
        }
        return a;
    }

    /** The options given, flags and valued, without their values. */
    Set<String> given() {
        return Set.copyOf(options.keySet());
    }

    boolean flag(String key) {
        return options.containsKey(key);
    }

    String get(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    /** A whole number > 0, or null when the option is absent. */
    Integer positiveInt(String key) {
        return intAtLeast(key, 1, "a positive integer");
    }

    /** A whole number >= 0, or null when the option is absent. */
    Integer nonNegativeInt(String key) {
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
