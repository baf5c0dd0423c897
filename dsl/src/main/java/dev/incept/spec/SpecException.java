package dev.incept.spec;

import dev.incept.failure.InceptException;

/**
 * The one exception an invalid description produces. The message always starts with the path of
 * the offending block, so that a user of a 300-block network can find it.
 */
public final class SpecException extends InceptException {
    private final String path;
    private final String detail;

    public SpecException(String path, String message) {
        super("invalid description", FAILED, ControlCharacters.escape((path == null || path.isEmpty() ? "<network>" : path) + ": " + message));
        this.path = path == null ? "" : path;
        this.detail = ControlCharacters.escape(message);
    }

    public SpecException(String path, String message, Throwable cause) {
        this(path, message);
        initCause(cause);
    }

    /** Slash-separated path of the block the problem was found in; empty for the network itself. */
    public String path() {
        return path;
    }

    /** The message without the path. */
    public String detail() {
        return detail;
    }
}
