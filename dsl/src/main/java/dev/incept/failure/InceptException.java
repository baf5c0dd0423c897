package dev.incept.failure;

/**
 * What every error incept raises on purpose has in common: a message that is one line for the
 * user, the subject it is about (printed before it), and the exit status a command ends with. The
 * command line, the sweep's points and the grader catch this one type; anything else is a bug.
 */
public abstract class InceptException extends RuntimeException {
    /** A mistake in what was asked: a typo, an unknown name, a value out of range. */
    public static final int USAGE = 2;
    /** Something that was asked could not be done: a missing file, a full disk, a damaged checkpoint. */
    public static final int FAILED = 1;
    /** Training stopped because the loss stopped being a number. */
    public static final int DIVERGED = 3;

    private final String subject;
    private final int exitCode;

    protected InceptException(String subject, int exitCode, String message) {
        super(message);
        this.subject = subject;
        this.exitCode = exitCode;
    }

    protected InceptException(String subject, int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.subject = subject;
        this.exitCode = exitCode;
    }

    /** The line a user reads: the subject, then the message ("data: no file ..."). */
    public String userLine() {
        return subject.isEmpty() ? getMessage() : subject + ": " + getMessage();
    }

    public int exitCode() {
        return exitCode;
    }
}
