package dev.incept.run;

import dev.incept.failure.InceptException;

/** A training setting that cannot be used as written: an unknown name, a value out of range, a pair that contradicts. */
public final class SettingException extends InceptException {
    public SettingException(String message) {
        super("", USAGE, message);
    }
}
