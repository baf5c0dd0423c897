package dev.incept.data;

import java.util.SplittableRandom;

/**
 * Random erasing (Zhong et al., 2017): a rectangle covering 2% to 40% of the image, of aspect
 * ratio between 0.3 and 3.3 (drawn log-uniformly, so tall and wide are equally likely), is
 * replaced by noise. The noise is standard normal in normalized units, that is, pixels drawn with
 * the data's own mean and spread, so an erased patch carries no brightness cue. Occluding part of
 * the object forces the network to use all of it; on Fashion-MNIST the paper reports a ResNet's
 * test error falling from 6.2% to 5.0%.
 */
final class RandomErase {
    static final double MIN_AREA = 0.02;
    static final double MAX_AREA = 0.4;
    static final double MIN_ASPECT = 0.3;
    private static final int ATTEMPTS = 10;

    private RandomErase() {
    }

    /** Erases one rectangle in the {@code channels x h x w} image at {@code offset}; false if none fitted. */
    static boolean apply(float[] out, int offset, int channels, int h, int w, SplittableRandom rng) {
        double logAspect = Math.log(1 / MIN_ASPECT);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            double area = h * w * (MIN_AREA + (MAX_AREA - MIN_AREA) * rng.nextDouble());
            double aspect = Math.exp(logAspect * (2 * rng.nextDouble() - 1));
            int eh = (int) Math.round(Math.sqrt(area * aspect));
            int ew = (int) Math.round(Math.sqrt(area / aspect));
            if (eh < 1 || ew < 1 || eh > h || ew > w) {
                continue;
            }
            int top = rng.nextInt(h - eh + 1);
            int left = rng.nextInt(w - ew + 1);
            for (int c = 0; c < channels; c++) {
                for (int y = top; y < top + eh; y++) {
                    int row = offset + (c * h + y) * w;
                    for (int x = left; x < left + ew; x++) {
                        out[row + x] = (float) rng.nextGaussian();
                    }
                }
            }
            return true;
        }
        return false;
    }
}
