package dev.incept.weights;

/** A weights file that cannot be loaded, in one line: which file, which tensor, what is wrong. Nothing was loaded. */
public final class WeightsException extends RuntimeException {
    public WeightsException(String message) {
        super(message);
    }
}
