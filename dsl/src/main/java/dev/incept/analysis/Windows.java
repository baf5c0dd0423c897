package dev.incept.analysis;

import dev.incept.spec.Padding;

/**
 * The arithmetic of sliding windows, shared by the analyser and the compiler so that the shapes
 * the DSL reports are the shapes the engines produce. Callers validate first; these only compute.
 */
public final class Windows {
    private Windows() {
    }

    /** Padding per axis, {height, width}: "same" is symmetric (k-1)/2 and assumes an odd kernel. */
    public static int[] padding(Padding p, int kernelH, int kernelW) {
        if (p instanceof Padding.Valid) {
            return new int[] {0, 0};
        }
        if (p instanceof Padding.Explicit e) {
            return new int[] {e.height(), e.width()};
        }
        return new int[] {(kernelH - 1) / 2, (kernelW - 1) / 2};
    }

    /** The pixels a {@code kernel}-tap window dilated by {@code dilation} spans: dilation x (kernel - 1) + 1. */
    public static long span(int kernel, int dilation) {
        return (long) dilation * (kernel - 1) + 1;
    }

    /** Padding per axis for a dilated window: "same" pads half its span. */
    public static int[] padding(Padding p, int kernelH, int kernelW, int dilationH, int dilationW) {
        return padding(p, (int) span(kernelH, dilationH), (int) span(kernelW, dilationW));
    }

    /** Output length along one axis, as PyTorch and MXNet compute it (ceil mode included). */
    public static long outSize(long size, int kernel, int stride, int pad, boolean ceil) {
        long span = size + 2L * pad - kernel;
        long out = ceil ? Math.floorDiv(span + stride - 1, stride) + 1 : Math.floorDiv(span, stride) + 1;
        // A ceil-mode window may not start inside the right padding only.
        if (ceil && (out - 1) * stride >= size + pad) {
            out--;
        }
        return out;
    }
}
