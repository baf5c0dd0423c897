package dev.incept.bench;

import dev.incept.data.Augment;
import dev.incept.data.Batch;
import dev.incept.data.BatchMaker;
import dev.incept.data.EpochBatches;
import dev.incept.data.Images;
import dev.incept.data.Normalization;

/** Images per second the data pipeline delivers (augmented, resized, normalised, batched), with no engine. */
public final class PipelineRate {
    private PipelineRate() {
    }

    public static double imagesPerSecond(Images images, int size, int batch, int limit) {
        BatchMaker maker = new BatchMaker(images, size, size, Normalization.of(images), new Augment(2, true));
        // One warm-up pass so the JIT has compiled the pixel loops.
        drain(maker, batch, Math.min(limit, 4 * batch), 0);
        long t0 = System.nanoTime();
        long n = drain(maker, batch, limit, 1);
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    private static long drain(BatchMaker maker, int batch, int limit, int epoch) {
        long n = 0;
        try (EpochBatches batches = new EpochBatches(maker, batch, limit, true, 7, epoch)) {
            while (batches.hasNext()) {
                Batch b = batches.next();
                n += b.size();
            }
        }
        return n;
    }
}
