package dev.incept.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * One epoch of batches, prepared by a background thread a few batches ahead so that decoding and
 * augmentation overlap the engine's work. The order and every augmentation draw depend only on
 * (seed, epoch, batch), so a resumed run sees exactly the batches an uninterrupted one would.
 */
public final class EpochBatches implements Iterator<Batch>, AutoCloseable {
    private static final Batch END = new Batch(new float[0], new int[0], 0, 0, 0, 0);
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(4);
    private final Thread worker;
    private final int batches;
    private Object next;

    /**
     * @param count use the first {@code count} images of the set (all when larger)
     * @param train shuffle, augment, and drop a last partial batch (batch norm dislikes tiny batches)
     */
    public EpochBatches(BatchMaker maker, int batchSize, int count, boolean train, long seed, int epoch) {
        int n = Math.min(count, maker.images().count());
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (train) {
            Random r = new Random(seed * 1_000_003L + epoch);
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        this.batches = train ? Math.max(n / batchSize, n > 0 ? 1 : 0) : (n + batchSize - 1) / batchSize;
        this.worker = new Thread(() -> produce(maker, order, batchSize, train, seed, epoch), "incept-batches");
        worker.setDaemon(true);
        worker.start();
    }

    public int batches() {
        return batches;
    }

    private void produce(BatchMaker maker, int[] order, int batchSize, boolean train, long seed, int epoch) {
        try {
            for (int b = 0; b < batches; b++) {
                int from = b * batchSize;
                int to = Math.min(from + batchSize, order.length);
                int[] idx = java.util.Arrays.copyOfRange(order, from, to);
                SplittableRandom rng = train ? new SplittableRandom(seed * 7_919L + epoch * 1_000_033L + b) : null;
                queue.put(maker.make(idx, rng));
            }
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            try {
                queue.put(e);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a batch", e);
            }
        }
        if (next instanceof RuntimeException e) {
            throw e;
        }
        return next != END;
    }

    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Batch b = (Batch) next;
        next = null;
        return b;
    }

    @Override
    public void close() {
        worker.interrupt();
    }
}
