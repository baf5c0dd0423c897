package dev.incept.cli;

import dev.incept.command.CommandWords;
import dev.incept.run.SettingException;
import dev.incept.run.TrainOption;
import dev.incept.run.TrainSettings;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The training settings as the command line spells them: {@code --key value}, {@code --key=value}
 * and {@code --switch}, read into {@link TrainSettings} and listed in the usage from the one table,
 * {@link TrainOption}. Only here do settings have flags.
 */
final class TrainWords {
    private TrainWords() {
    }

    /** From the command line's words after 'train': the model, then --flag, --key value or --key=value. */
    static TrainSettings parse(List<String> argv) {
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

    /** A refusal as the command line words it: about a setting, it names the setting's flag. */
    static String line(SettingException e) {
        return e.option() == null ? e.getMessage() : e.spelled("--" + e.option().key());
    }

    /** The options, one per line, help aligned. */
    static String usage() {
        List<String> lines = new ArrayList<>();
        for (TrainOption o : TrainOption.values()) {
            if (o == TrainOption.MODEL) {
                continue;
            }
            String head = "  --" + o.key() + (o.isFlag() ? "" : " " + o.valueName());
            String[] help = o.help().split("\n");
            lines.add(String.format(Locale.ROOT, "%-30s%s", head, head.length() >= 30 ? "\n" + " ".repeat(30) + help[0] : help[0]));
            for (int i = 1; i < help.length; i++) {
                lines.add(" ".repeat(30) + help[i]);
            }
        }
        return String.join("\n", lines);
    }
}
