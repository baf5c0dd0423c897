package dev.incept.train;

import dev.incept.failure.InceptException;

/** The loss became NaN or infinite; training stopped without touching the last good checkpoint. */
public final class TrainingDiverged extends InceptException {
    public TrainingDiverged(String message) {
        super("", DIVERGED, message);
    }
}
