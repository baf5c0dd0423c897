package dev.incept.data;

import java.util.SplittableRandom;

/**
 * Turns stored 8-bit images into network input: augmentation, resizing to the network's input
 * (bilinear, half-pixel centres as in PyTorch's align_corners=False) and normalization, in one
 * pass per output pixel. Resizing on the fly keeps 60,000 images at 28x28 bytes in memory even
 * when the network reads 96x96 or 299x299.
 */
public final class BatchMaker {
    private final Images images;
    private final int outH;
    private final int outW;
    private final Normalization norm;
    private final Augment augment;

    public BatchMaker(Images images, int outH, int outW, Normalization norm, Augment augment) {
        if (outH <= 0 || outW <= 0) {
            throw new IllegalArgumentException("output size must be positive, got " + outH + "x" + outW);
        }
        if (norm.mean().length != images.channels()) {
            throw new IllegalArgumentException("normalization has " + norm.mean().length + " channels, images "
                    + images.channels());
        }
        this.images = images;
        this.outH = outH;
        this.outW = outW;
        this.norm = norm;
        this.augment = augment;
    }

    public Images images() {
        return images;
    }

    /** The batch of the given image indices; {@code rng} drives augmentation (null: none). */
    public Batch make(int[] indices, SplittableRandom rng) {
        int c = images.channels();
        int plane = outH * outW;
        float[] out = new float[indices.length * c * plane];
        int[] labels = new int[indices.length];
        for (int b = 0; b < indices.length; b++) {
            int idx = indices[b];
            labels[b] = images.label(idx);
            int dy = 0;
            int dx = 0;
            boolean flip = false;
            if (rng != null && augment.any()) {
                int p = augment.cropPadding();
                dy = p == 0 ? 0 : rng.nextInt(2 * p + 1) - p;
                dx = p == 0 ? 0 : rng.nextInt(2 * p + 1) - p;
                flip = augment.flip() && rng.nextBoolean();
            }
            render(idx, dy, dx, flip, out, b * c * plane);
            if (rng != null && augment.erase() > 0 && rng.nextDouble() < augment.erase()) {
                RandomErase.apply(out, b * c * plane, c, outH, outW, rng);
            }
        }
        return new Batch(out, labels, indices.length, c, outH, outW);
    }

    private void render(int idx, int dy, int dx, boolean flip, float[] out, int offset) {
        int h = images.height();
        int w = images.width();
        byte[] px = images.pixels();
        int base = idx * images.imageBytes();
        double scaleY = (double) h / outH;
        double scaleX = (double) w / outW;
        for (int ch = 0; ch < images.channels(); ch++) {
            float mean = norm.mean()[ch];
            float invStd = 1f / (norm.std()[ch] * 255f);
            int src = base + ch * h * w;
            int dst = offset + ch * outH * outW;
            for (int oy = 0; oy < outH; oy++) {
                double sy = outH == h ? oy : Math.max((oy + 0.5) * scaleY - 0.5, 0);
                int y0 = (int) sy;
                int y1 = Math.min(y0 + 1, h - 1);
                float fy = (float) (sy - y0);
                for (int ox = 0; ox < outW; ox++) {
                    double sx = outW == w ? ox : Math.max((ox + 0.5) * scaleX - 0.5, 0);
                    int x0 = (int) sx;
                    int x1 = Math.min(x0 + 1, w - 1);
                    float fx = (float) (sx - x0);
                    float top = lerp(at(px, src, h, w, y0, x0, dy, dx, flip), at(px, src, h, w, y0, x1, dy, dx, flip), fx);
                    float bottom = fy == 0 ? top
                            : lerp(at(px, src, h, w, y1, x0, dy, dx, flip), at(px, src, h, w, y1, x1, dy, dx, flip), fx);
                    float v = lerp(top, bottom, fy);
                    out[dst + oy * outW + ox] = v * invStd - mean * 255f * invStd;
                }
            }
        }
    }

    private static float lerp(float a, float b, float t) {
        return t == 0 ? a : a + (b - a) * t;
    }

    /** The augmented image's pixel: shifted by (dy, dx), mirrored when flipped, zero outside. */
    private static float at(byte[] px, int src, int h, int w, int y, int x, int dy, int dx, boolean flip) {
        int sy = y + dy;
        int sx = (flip ? w - 1 - x : x) + dx;
        if (sy < 0 || sy >= h || sx < 0 || sx >= w) {
            return 0f;
        }
        return px[src + sy * w + sx] & 0xff;
    }
}
