package dev.incept.cli;

import dev.incept.failure.InceptException;

/** A mistake on the command line: printed as one line, exit status 2. */
final class UsageException extends InceptException {
    UsageException(String message) {
        super("", USAGE, message);
    }
}
