package dev.incept.spec;

/**
 * Text from a description or a command line as it may be printed: a name holding a newline, a NUL,
 * a terminal escape sequence or a right-to-left override could forge lines of output or repaint
 * the user's terminal, so such characters are shown escaped ({@code \n}, {@code \u001b}).
 */
public final class ControlCharacters {
    private ControlCharacters() {
    }

    /** Whether {@code text} holds a control or formatting character. */
    public static boolean has(String text) {
        return text != null && text.codePoints().anyMatch(ControlCharacters::isControl);
    }

    /** {@code text} with each control or formatting character written as an escape. */
    public static String escape(String text) {
        if (!has(text)) {
            return text;
        }
        StringBuilder sb = new StringBuilder();
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (isControl(c)) {
                        sb.append(String.format("\\u%04x", c));
                    } else {
                        sb.appendCodePoint(c);
                    }
                }
            }
        });
        return sb.toString();
    }

    private static boolean isControl(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
