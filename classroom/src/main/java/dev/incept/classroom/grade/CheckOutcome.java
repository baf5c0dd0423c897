package dev.incept.classroom.grade;

/**
 * What a submission earned on one expected check, and why points were lost. The reason often
 * carries text the student chose (an exception's message), so it is cut at {@link #MAX_REASON}
 * characters, saying so: one submission must not make a report of megabytes.
 */
public record CheckOutcome(ExpectedCheck check, double score, String message) {
    /** The longest reason kept, in characters. */
    public static final int MAX_REASON = 400;

    public CheckOutcome {
        message = bounded(message);
    }

    /** {@code text} cut to {@link #MAX_REASON} characters, with how much was left out. */
    public static String bounded(String text) {
        if (text == null || text.length() <= MAX_REASON) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_REASON - 1)) ? MAX_REASON - 1 : MAX_REASON;
        return text.substring(0, end) + "... (cut: " + (text.length() - end) + " more characters)";
    }
}
