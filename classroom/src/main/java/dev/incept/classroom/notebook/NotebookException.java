package dev.incept.classroom.notebook;

/** A notebook that cannot be read or is not an assignment; the message is one line for the user. */
public final class NotebookException extends RuntimeException {
    public NotebookException(String message) {
        super(message);
    }
}
