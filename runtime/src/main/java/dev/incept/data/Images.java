package dev.incept.data;

/**
 * Labelled 8-bit images in one flat array, row-major, one image after another: the form IDX and
 * CIFAR files hold, kept as bytes so 60,000 Fashion-MNIST images take 47 MB, not 188.
 */
public record Images(int count, int channels, int height, int width, byte[] pixels, byte[] labels, int classes) {
    public Images {
        long expected = (long) count * channels * height * width;
        if (pixels.length != expected) {
            throw new DataException("pixel buffer holds " + pixels.length + " bytes, expected " + expected);
        }
        if (labels.length != count) {
            throw new DataException(count + " images but " + labels.length + " labels");
        }
        for (int i = 0; i < count; i++) {
            int label = labels[i] & 0xff;
            if (label >= classes) {
                throw new DataException("label " + label + " of image " + i + " is outside 0.." + (classes - 1));
            }
        }
    }

    public int imageBytes() {
        return channels * height * width;
    }

    public int label(int index) {
        return labels[index] & 0xff;
    }

    /** Pixel value 0..255 of image {@code index} at (channel, row, column). */
    public int pixel(int index, int c, int y, int x) {
        return pixels[index * imageBytes() + (c * height + y) * width + x] & 0xff;
    }
}
