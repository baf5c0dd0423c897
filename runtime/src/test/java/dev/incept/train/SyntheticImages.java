package dev.incept.train;

import dev.incept.data.Images;
import java.util.Random;

/** Learnable synthetic images for unit tests only: class k is a bright bar at row band k plus noise. */
public final class SyntheticImages {
    private SyntheticImages() {
    }

    public static Images bars(int count, int classes, int size, long seed) {
        Random r = new Random(seed);
        byte[] px = new byte[count * size * size];
        byte[] labels = new byte[count];
        int band = Math.max(1, size / classes);
        for (int i = 0; i < count; i++) {
            int k = r.nextInt(classes);
            labels[i] = (byte) k;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int v = r.nextInt(60);
                    if (y / band == k) {
                        v += 150;
                    }
                    px[i * size * size + y * size + x] = (byte) Math.min(v, 255);
                }
            }
        }
        return new Images(count, 1, size, size, px, labels, classes);
    }
}
