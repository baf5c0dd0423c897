package dev.incept.run;

import dev.incept.failure.InceptException;

/**
 * A training setting that cannot be used as written: an unknown name, a value out of range, a pair
 * that contradicts. When it is about one setting, it says so in values' words ("label smoothing
 * must be in [0, 1)"), and {@link #spelled} lets a caller name the setting its own way (the
 * command line names it by its flag).
 */
public final class SettingException extends InceptException {
    private final TrainOption option;
    private final String phrase;

    public SettingException(String message) {
        super("", USAGE, message);
        this.option = null;
        this.phrase = message;
    }

    /** About {@code option}: {@code phrase} says what is wrong with its value ("needs a positive integer, got 'x'"). */
    public SettingException(TrainOption option, String phrase) {
        super("", USAGE, join(option.words(), withoutSubject(option, phrase)));
        this.option = option;
        this.phrase = withoutSubject(option, phrase);
    }

    /** The setting it is about, or null. */
    public TrainOption option() {
        return option;
    }

    /** The message with the setting named as {@code name} (the command line: its flag); the message itself when about no one setting. */
    public String spelled(String name) {
        return option == null ? getMessage() : join(name, phrase);
    }

    private static String join(String name, String phrase) {
        return phrase.startsWith(":") || phrase.startsWith(";") ? name + phrase : name + " " + phrase;
    }

    /** A message that already names the setting ("the learning rate must be ...") keeps only what follows. */
    private static String withoutSubject(TrainOption option, String message) {
        for (String subject : new String[] {option.words() + " ", "the " + option.words() + " "}) {
            if (message.startsWith(subject)) {
                return message.substring(subject.length());
            }
        }
        return startsLikeAPhrase(message) ? message : ": " + message;
    }

    private static boolean startsLikeAPhrase(String message) {
        for (String start : new String[] {"needs ", "must ", "is ", "takes ", "cannot ", "asks ", "starts ", "gpu:", "fp16 ", "float32 "}) {
            if (message.startsWith(start)) {
                return true;
            }
        }
        return false;
    }
}
