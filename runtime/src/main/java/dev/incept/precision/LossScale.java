package dev.incept.precision;

/**
 * Dynamic loss scaling for float16 steps, with the defaults of PyTorch's GradScaler: the loss is
 * multiplied by the scale before the backward pass so that small gradients stay representable;
 * a step whose gradients overflow is skipped and halves the scale, and every 2,000 steps in a row
 * without overflow double it.
 */
public final class LossScale {
    public static final float START = 65536f;
    static final int GROWTH_INTERVAL = 2000;

    private float scale;
    private int clean;

    public LossScale(float start) {
        scale = start;
    }

    public float value() {
        return scale;
    }

    /** After a step whose unscaled gradients were all finite. */
    public void stepped() {
        if (++clean == GROWTH_INTERVAL) {
            scale *= 2;
            clean = 0;
        }
    }

    /** After a step skipped because a gradient overflowed. */
    public void overflowed() {
        scale = Math.max(scale / 2, 1f);
        clean = 0;
    }
}
