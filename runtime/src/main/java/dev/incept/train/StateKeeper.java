package dev.incept.train;

import java.nio.file.Path;

/**
 * Where a trainer's state is kept after every epoch (a run folder's checkpoint): told before
 * the listeners hear of the epoch, so that the figures they write never describe an epoch that a
 * resume would have to train again.
 */
public interface StateKeeper {
    void keep(TrainerState state);

    /** The file that holds the last kept state, named when a run stops so that it is left as it was. */
    Path place();
}
