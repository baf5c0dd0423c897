package dev.incept.analysis;

import dev.incept.spec.FeatureShape;
import dev.incept.spec.Padding;
import dev.incept.spec.SpecException;

/**
 * A convolution's or a pool's window as the analyser checks it: positive sizes, a padding the
 * engines accept, an output that fits, each refusal naming the layer's path and the numbers.
 */
record SlidingWindow(String path, int kernelH, int kernelW, int strideH, int strideW, Padding padding, int padH, int padW) {

    /** Checks the sizes; {@code what} names the kernel in errors ("kernel", "pool"). */
    static SlidingWindow of(String path, String what, int kh, int kw, int sh, int sw, Padding p) {
        positive(path, what + " height", kh);
        positive(path, what + " width", kw);
        positive(path, "stride height", sh);
        positive(path, "stride width", sw);
        if (p instanceof Padding.Explicit e && (e.height() < 0 || e.width() < 0)) {
            throw new SpecException(path, "padding must be >= 0, got " + e.height() + "x" + e.width());
        }
        if (p instanceof Padding.Same && (kh % 2 == 0 || kw % 2 == 0)) {
            throw new SpecException(path, "'same' padding needs an odd kernel, got " + kh + "x" + kw + "; give explicit padding instead");
        }
        int[] pad = Windows.padding(p, kh, kw);
        return new SlidingWindow(path, kh, kw, sh, sw, p, pad[0], pad[1]);
    }

    /**
     * A convolution's window dilated by {@code dh} x {@code dw}: a k-tap kernel spans d(k-1)+1
     * pixels, and that span is what the output size, "same" padding and the receptive field see.
     */
    static SlidingWindow dilated(String path, int kh, int kw, int sh, int sw, int dh, int dw, Padding p) {
        positive(path, "kernel height", kh);
        positive(path, "kernel width", kw);
        positive(path, "dilation height", dh);
        positive(path, "dilation width", dw);
        long spanH = Windows.span(kh, dh);
        long spanW = Windows.span(kw, dw);
        if (spanH > Integer.MAX_VALUE || spanW > Integer.MAX_VALUE) {
            throw new SpecException(path, "kernel " + kh + "x" + kw + " dilated by " + dh + "x" + dw + " spans more pixels than an axis holds");
        }
        return of(path, dh == 1 && dw == 1 ? "kernel" : "dilated kernel", (int) spanH, (int) spanW, sh, sw, p);
    }

    static void positive(String path, String what, int value) {
        if (value <= 0) {
            throw new SpecException(path, what + " must be positive, got " + value);
        }
    }

    /** The output grid over {@code in}, with {@code channels} channels. */
    FeatureShape over(FeatureShape in, int channels, boolean ceil) {
        return FeatureShape.of(channels, outSize("height", in.height(), kernelH, strideH, padH, ceil),
                outSize("width", in.width(), kernelW, strideW, padW, ceil));
    }

    ReceptiveField grow(ReceptiveField field) {
        return field.window(kernelH, kernelW, strideH, strideW);
    }

    private int outSize(String axis, int size, int kernel, int stride, int pad, boolean ceil) {
        long padded = (long) size + 2L * pad;
        // In ceil mode PyTorch lets a window overhang the grid, so long as it starts inside.
        if (kernel > padded && !ceil) {
            throw new SpecException(path, "kernel " + axis + " " + kernel + " is larger than the padded input "
                    + axis + " " + padded + " (input " + size + ", padding " + pad + ")");
        }
        long out = Windows.outSize(size, kernel, stride, pad, ceil);
        if (out < 1) {
            throw new SpecException(path, "kernel " + axis + " " + kernel + " with stride " + stride + " leaves no output on an input "
                    + axis + " of " + size + " (padding " + pad + ")");
        }
        if (out > Integer.MAX_VALUE) {
            // an int cast here once turned such a padding into negative shapes and multiply-adds
            throw new SpecException(path, "padding " + pad + " on an input " + axis + " of " + size + " gives an output "
                    + axis + " of " + out + ", more than a tensor's axis can hold (" + Integer.MAX_VALUE + ")");
        }
        return (int) out;
    }
}
