package dev.incept.run;

import java.util.Locale;
import java.util.function.Function;

/**
 * The kind of value a {@link TrainOption} takes and how its text becomes that value. A refusal is
 * a phrase about the value alone ("needs a positive integer, got 'x'"); the option puts its own
 * name before it, in the words of whoever asked (the runtime's "epochs", or the command line's
 * flag).
 */
public record OptionValue(String form, Function<String, Object> parser) {
    /** A switch: present means on. */
    public static final OptionValue SWITCH = new OptionValue("", s -> Boolean.TRUE);
    public static final OptionValue TEXT = new OptionValue("text", s -> s);
    public static final OptionValue POSITIVE_INT = new OptionValue("a positive integer", OptionValue::positiveInt);
    public static final OptionValue NUMBER = new OptionValue("a number >= 0", OptionValue::number);
    public static final OptionValue PROBABILITY = new OptionValue("a probability in [0, 1]", s -> {
        double p = number(s);
        if (p > 1) {
            throw new IllegalArgumentException("is a probability in [0, 1], got " + p);
        }
        return p;
    });

    /** One of an enum's constants, written in lower case. */
    public static <E extends Enum<E>> OptionValue choice(Class<E> type) {
        StringBuilder names = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            names.append(names.length() == 0 ? "" : " or ").append(e.name().toLowerCase(Locale.ROOT));
        }
        return new OptionValue(names.toString(), s -> {
            for (E e : type.getEnumConstants()) {
                if (e.name().toLowerCase(Locale.ROOT).equals(s.trim().toLowerCase(Locale.ROOT))) {
                    return e;
                }
            }
            throw new IllegalArgumentException("must be " + names + ", got '" + s + "'");
        });
    }

    /** The value of {@code text}; a refusal is an IllegalArgumentException whose message is the phrase. */
    Object parse(String text) {
        return parser.apply(text);
    }

    private static int positiveInt(String s) {
        try {
            int n = Integer.parseInt(s.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("needs a positive integer, got '" + s + "'");
    }

    private static double number(String s) {
        try {
            double d = Double.parseDouble(s.trim());
            if (Double.isFinite(d) && d >= 0) {
                return d;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("needs a number >= 0, got '" + s + "'");
    }
}
