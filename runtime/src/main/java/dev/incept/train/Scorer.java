package dev.incept.train;

/** Accumulates logits and labels into an {@link Evaluation}; works on plain floats so it is engine-agnostic. */
public final class Scorer {
    public static final int BINS = 15;
    private final long[] binCount = new long[BINS];
    private final double[] binConf = new double[BINS];
    private final long[] binCorrect = new long[BINS];
    private int count;
    private int top1;
    private int top5;
    private double lossSum;

    /** Adds a batch: {@code logits} row-major N x K. */
    public void add(float[] logits, int[] labels, int classes) {
        double[] p = new double[classes];
        for (int i = 0; i < labels.length; i++) {
            int off = i * classes;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                max = Math.max(max, logits[off + k]);
            }
            double z = 0;
            for (int k = 0; k < classes; k++) {
                p[k] = Math.exp(logits[off + k] - max);
                z += p[k];
            }
            int y = labels[i];
            float trueLogit = logits[off + y];
            int above = 0;
            int best = 0;
            for (int k = 0; k < classes; k++) {
                if (logits[off + k] > trueLogit) {
                    above++;
                }
                if (logits[off + k] > logits[off + best]) {
                    best = k;
                }
            }
            lossSum += -(trueLogit - max - Math.log(z));
            if (above == 0 && best == y) {
                top1++;
            }
            if (above < 5) {
                top5++;
            }
            double conf = p[best] / z;
            int bin = Math.min((int) (conf * BINS), BINS - 1);
            binCount[bin]++;
            binConf[bin] += conf;
            if (best == y) {
                binCorrect[bin]++;
            }
            count++;
        }
    }

    public int count() {
        return count;
    }

    public Evaluation result() {
        double ece = 0;
        double[] conf = new double[BINS];
        double[] acc = new double[BINS];
        for (int b = 0; b < BINS; b++) {
            if (binCount[b] == 0) {
                continue;
            }
            conf[b] = binConf[b] / binCount[b];
            acc[b] = (double) binCorrect[b] / binCount[b];
            ece += (double) binCount[b] / count * Math.abs(acc[b] - conf[b]);
        }
        return new Evaluation(count, count == 0 ? Double.NaN : lossSum / count,
                count == 0 ? 0 : (double) top1 / count, count == 0 ? 0 : (double) top5 / count, ece,
                binCount.clone(), conf, acc);
    }
}
