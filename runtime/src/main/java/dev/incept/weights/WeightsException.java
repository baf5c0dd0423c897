package dev.incept.weights;

import dev.incept.failure.InceptException;

/** A weights file that cannot be loaded, in one line: which file, which tensor, what is wrong. Nothing was loaded. */
public final class WeightsException extends InceptException {
    public WeightsException(String message) {
        super("weights", FAILED, message);
    }
}
