package dev.incept.analysis;

/**
 * The windows of adaptive pooling along one axis, as PyTorch and MXNet cut them: output i covers
 * input [floor(i*in/out), ceil((i+1)*in/out)).
 */
public final class AdaptiveWindows {
    private AdaptiveWindows() {
    }

    public static int start(int i, int in, int out) {
        return (int) Math.floorDiv((long) i * in, out);
    }

    public static int end(int i, int in, int out) {
        return (int) -Math.floorDiv(-(long) (i + 1) * in, out);
    }

    /** The widest window: how far one output reaches. */
    public static int widest(int in, int out) {
        int w = 0;
        for (int i = 0; i < out; i++) {
            w = Math.max(w, end(i, in, out) - start(i, in, out));
        }
        return w;
    }
}
