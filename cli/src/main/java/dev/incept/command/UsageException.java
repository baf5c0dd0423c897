package dev.incept.command;

import dev.incept.failure.InceptException;

/** A mistake on the command line: printed as one line, exit status 2. */
public final class UsageException extends InceptException {
    public UsageException(String message) {
        super("", USAGE, message);
    }
}
