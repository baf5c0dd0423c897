package dev.incept.data;

/** Per-channel mean and standard deviation, in units of pixel/255, subtracted and divided out of every input. */
public record Normalization(float[] mean, float[] std) {

    /** Measured on a (training) set, so no data set's constants need hard-coding. */
    public static Normalization of(Images images) {
        int c = images.channels();
        int plane = images.height() * images.width();
        double[] sum = new double[c];
        double[] sq = new double[c];
        byte[] px = images.pixels();
        for (int i = 0; i < images.count(); i++) {
            for (int ch = 0; ch < c; ch++) {
                int base = i * images.imageBytes() + ch * plane;
                long s = 0;
                long s2 = 0;
                for (int k = 0; k < plane; k++) {
                    int v = px[base + k] & 0xff;
                    s += v;
                    s2 += (long) v * v;
                }
                sum[ch] += s;
                sq[ch] += s2;
            }
        }
        float[] mean = new float[c];
        float[] std = new float[c];
        double n = (double) images.count() * plane;
        for (int ch = 0; ch < c; ch++) {
            double m = sum[ch] / n;
            double var = Math.max(sq[ch] / n - m * m, 1e-6);
            mean[ch] = (float) (m / 255.0);
            std[ch] = (float) (Math.sqrt(var) / 255.0);
        }
        return new Normalization(mean, std);
    }
}
