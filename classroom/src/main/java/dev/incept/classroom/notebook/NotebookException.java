package dev.incept.classroom.notebook;

import dev.incept.failure.InceptException;

/** A notebook that cannot be read or is not an assignment; the message is one line for the user. */
public final class NotebookException extends InceptException {
    public NotebookException(String message) {
        super("", FAILED, message);
    }
}
