package dev.incept.command;

import dev.incept.run.SettingException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A command line's words, split once for every command: the positionals in order, and each option
 * given as {@code --flag}, {@code --key value} or {@code --key=value}, at most once.
 */
public record CommandWords(List<String> positional, Map<String, String> options) {
    public CommandWords {
        positional = List.copyOf(positional);
        options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** Splits {@code argv}; a flag's value is "true". Anything neither a flag nor valued is refused. */
    public static CommandWords split(List<String> argv, Predicate<String> isFlag, Predicate<String> isValued) {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            String key = arg.substring(2);
            String value = null;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            }
            boolean flag = isFlag.test(key);
            if (!flag && !isValued.test(key)) {
                throw new SettingException("unknown option --" + key);
            }
            if (options.containsKey(key)) {
                // the last one silently winning hid typos in long command lines
                throw new SettingException("option --" + key + " is given twice");
            }
            if (flag) {
                if (value != null) {
                    throw new SettingException("option --" + key + " is a switch and takes no value");
                }
                value = "true";
            } else if (value == null) {
                if (i + 1 >= argv.size()) {
                    throw new SettingException("option --" + key + " needs a value");
                }
                value = argv.get(++i);
            }
            options.put(key, value);
        }
        return new CommandWords(positional, options);
    }
}
