package dev.incept.metrics;

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
            double logNorm = softmax(logits, off, p);
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
            lossSum += logNorm - trueLogit;
            if (above == 0 && best == y) {
                top1++;
            }
            if (above < 5) {
                top5++;
            }
            double conf = p[best];
            int bin = Math.min((int) (conf * BINS), BINS - 1);
            binCount[bin]++;
            binConf[bin] += conf;
            if (best == y) {
                binCorrect[bin]++;
            }
            count++;
        }
    }

    /**
     * Row by row, the log of the mean of softmax({@code a}) and softmax({@code b}): logits whose
     * softmax is the averaged distribution, so two views of an image vote with their confidence.
     */
    public static float[] meanLogProbabilities(float[] a, float[] b, int classes) {
        if (a.length != b.length || a.length % classes != 0) {
            throw new IllegalArgumentException("logit arrays of " + a.length + " and " + b.length
                    + " values do not hold the same rows of " + classes);
        }
        float[] out = new float[a.length];
        double[] pa = new double[classes];
        double[] pb = new double[classes];
        for (int off = 0; off < a.length; off += classes) {
            softmax(a, off, pa);
            softmax(b, off, pb);
            for (int k = 0; k < classes; k++) {
                // Floor at the smallest normal float so a class both views rule out keeps a finite loss.
                out[off + k] = (float) Math.log(Math.max((pa[k] + pb[k]) / 2, Float.MIN_NORMAL));
            }
        }
        return out;
    }

    /** Fills {@code p} with the softmax of one row; returns log(sum(exp(row))), computed stably. */
    private static double softmax(float[] logits, int off, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < p.length; k++) {
            max = Math.max(max, logits[off + k]);
        }
        double z = 0;
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.exp(logits[off + k] - max);
            z += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= z;
        }
        return max + Math.log(z);
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
