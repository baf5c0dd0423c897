package dev.incept.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.types.Shape;
import dev.incept.data.Batch;
import dev.incept.data.BatchMaker;
import dev.incept.data.EpochBatches;
import dev.incept.metrics.EpochMetrics;
import dev.incept.metrics.Evaluation;
import dev.incept.metrics.TrainingListener;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/** One training epoch: its batches, each step's learning rate, the running loss and accuracy the listeners hear, then the test. */
final class EpochLoop {
    private final Engine engine;
    private final TrainConfig config;
    private final List<TrainingListener> listeners;
    private final TrainingStep step;
    private final Divergence divergence;
    private final int classes;

    EpochLoop(Engine engine, TrainConfig config, List<TrainingListener> listeners, TrainingStep step, Divergence divergence, int classes) {
        this.engine = engine;
        this.config = config;
        this.listeners = listeners;
        this.step = step;
        this.divergence = divergence;
        this.classes = classes;
    }

    /** Trains epoch {@code epoch} (0-based) on {@code trainMaker}'s batches, then scores {@code test}. */
    EpochMetrics train(BatchMaker trainMaker, int epoch, Path kept, Supplier<Evaluation> test) {
        // The engine's random stream (dropout) restarts per epoch so a resumed epoch draws the same masks.
        engine.setRandomSeed((int) (config.seed() * 31 + epoch));
        double lr = config.learningRate().at(epoch);
        long t0 = System.nanoTime();
        double lossSum = 0;
        long correct = 0;
        long seen = 0;
        try (EpochBatches batches = new EpochBatches(trainMaker, config.batchSize(), config.trainLimit(), true,
                config.seed(), epoch)) {
            int steps = batches.batches();
            for (TrainingListener l : listeners) {
                l.onEpochStart(epoch + 1, config.epochs(), steps);
            }
            int done = 0;
            while (batches.hasNext()) {
                Batch b = batches.next();
                double stepLr = config.learningRate().at(epoch + (double) done / steps);
                float[] logits = new float[b.size() * classes];
                float loss = step.run(b.pixels(), new Shape(b.size(), b.channels(), b.height(), b.width()), b.labels(), classes,
                        (float) stepLr, logits);
                divergence.checkStep(loss, epoch + 1, done + 1, stepLr, kept);
                lossSum += loss * b.size();
                correct += correctCount(logits, b.labels());
                seen += b.size();
                done++;
                double secs = (System.nanoTime() - t0) / 1e9;
                for (TrainingListener l : listeners) {
                    l.onStep(epoch + 1, done, steps, lossSum / seen, (double) correct / seen, seen / secs);
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new EpochMetrics(epoch + 1, lr, lossSum / Math.max(seen, 1), (double) correct / Math.max(seen, 1), test.get(),
                seen / seconds, seconds);
    }

    private static long correctCount(float[] logits, int[] labels) {
        int k = logits.length / labels.length;
        long correct = 0;
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            for (int j = 1; j < k; j++) {
                if (logits[i * k + j] > logits[i * k + best]) {
                    best = j;
                }
            }
            if (best == labels[i]) {
                correct++;
            }
        }
        return correct;
    }
}
