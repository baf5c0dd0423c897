package dev.incept.metrics;

import java.util.List;

/** A run's per-epoch metrics under a title: what notebooks draw as curves. */
public record History(String title, List<EpochMetrics> epochs) {
    public History {
        epochs = List.copyOf(epochs);
    }

    public EpochMetrics last() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("no epoch has finished yet");
        }
        return epochs.get(epochs.size() - 1);
    }
}
