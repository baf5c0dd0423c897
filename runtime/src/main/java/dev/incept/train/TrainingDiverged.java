package dev.incept.train;

/** The loss became NaN or infinite; training stopped without touching the last good checkpoint. */
public final class TrainingDiverged extends RuntimeException {
    public TrainingDiverged(String message) {
        super(message);
    }
}
